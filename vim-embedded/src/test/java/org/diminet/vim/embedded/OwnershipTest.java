package org.diminet.vim.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.VimException;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.VimNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owning projects and sharing: who owns what is created, what the Vim port reports, and what a snapshot keeps. */
class OwnershipTest {

    private static final Region REGION = Region.of("RegionOne");
    private static final String SITE = "site-project";
    private static final String ALICE = "project-alice";
    private static final String BOB = "project-bob";
    private static final String NETWORK = "11111111-1111-1111-1111-111111111111";
    private static final String SUBNET = "22222222-2222-2222-2222-222222222222";
    private static final String PORT = "33333333-3333-3333-3333-333333333333";

    private final EmbeddedVim vim = new EmbeddedVim(REGION);

    @Test
    void subnetsAndPorts_belongToTheirNetworksProject_unlessCreatedForAnother() {
        NetworkView network = vim.networks().create("shared-net", ALICE, true);
        SubnetView subnet = vim.subnets().create(network.id(), Optional.empty(), "sub", "10.0.0.0/24",
                GatewayChoice.defaultGateway(), List.of());
        PortView alices = vim.ports().create(network.id(), Optional.empty(), "a", "compute:nova", "vm-a", Optional.empty());
        PortView bobs = vim.ports().create(network.id(), Optional.of(BOB), "b", "compute:nova", "vm-b", Optional.empty());

        assertThat(network.project()).isEqualTo(ALICE);
        assertThat(network.shared()).isTrue();
        assertThat(subnet.project()).isEqualTo(ALICE);
        assertThat(alices.project()).isEqualTo(ALICE);
        assertThat(bobs.project()).isEqualTo(BOB);
        assertThat(vim.ports().update(bobs.id(), Optional.of("renamed")).project()).as("kept on update").isEqualTo(BOB);
        assertThat(vim.subnets().update(subnet.id(), Optional.of("renamed"), Optional.empty()).project()).isEqualTo(ALICE);
    }

    @Test
    void aBlankProject_isRefused_andLeavesNothingBehind() {
        assertRefused(() -> vim.networks().create("n", " ", false));
        NetworkView network = vim.networks().create("n", ALICE, false);
        assertRefused(() -> vim.subnets().create(network.id(), Optional.of(""), "s", "10.0.0.0/24",
                GatewayChoice.defaultGateway(), List.of()));
        assertRefused(() -> vim.ports().create(network.id(), Optional.of(""), "p", "compute:nova", "vm", Optional.empty()));
        assertThatThrownBy(() -> vim.createNetworkWithSubnet("v", "", new SubnetSpec(Cidr.of("10.1.0.0/24"), null, List.of())))
                .isInstanceOf(VimException.class).hasMessageContaining("project");

        assertThat(vim.networks().list()).containsExactly(network);
        assertThat(vim.allSubnets()).isEmpty();
        assertThat(vim.ports().list(Optional.empty())).isEmpty();
    }

    @Test
    void theVimPort_reportsOwnerAndSharing() {
        VimNetwork created = vim.createNetworkWithSubnet("svc", ALICE, new SubnetSpec(Cidr.of("10.0.0.0/24"), null, List.of()));
        NetworkView shared = vim.networks().create("svc", BOB, true);

        assertThat(created.project()).isEqualTo(ALICE);
        assertThat(created.shared()).isFalse();
        assertThat(vim.subnets().get(created.subnetIds().getFirst()).project()).isEqualTo(ALICE);
        assertThat(vim.findNetwork(NetworkId.of(shared.id()))).hasValueSatisfying(n -> {
            assertThat(n.project()).isEqualTo(BOB);
            assertThat(n.shared()).isTrue();
            assertThat(n.usableBy(ALICE)).isTrue();
        });
        assertThat(vim.networksNamed("svc")).extracting(VimNetwork::project, VimNetwork::shared)
                .containsExactly(tuple(ALICE, false), tuple(BOB, true));
    }

    @Test
    void unsharing_isRefused_whileAnotherProjectUsesTheNetwork() {
        NetworkView network = vim.networks().create("net", ALICE, true);
        PortView bobs = vim.ports().create(network.id(), Optional.of(BOB), "b", "compute:nova", "vm-b", Optional.empty());

        assertThatThrownBy(() -> vim.networks().update(network.id(), Optional.empty(), Optional.of(false)))
                .isInstanceOfSatisfying(EmbeddedVimException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.type()).isEqualTo("InvalidSharedSetting");
                    assertThat(e.getMessage()).isEqualTo("Unable to reconfigure sharing settings for network "
                            + network.id() + ". Multiple tenants are using it.");
                });
        assertThat(vim.networks().get(network.id()).shared()).isTrue();

        vim.ports().delete(bobs.id());
        assertThat(vim.networks().update(network.id(), Optional.empty(), Optional.of(false)).shared()).isFalse();
        assertThat(vim.networks().update(network.id(), Optional.empty(), Optional.of(true)).shared()).isTrue();
    }

    @Test
    void theSnapshot_keepsOwnersAndSharing(@TempDir Path dir) {
        Path file = dir.resolve("site.json");
        EmbeddedVim first = new EmbeddedVim(REGION, SITE, Optional.of(file));
        NetworkView network = first.networks().create("net", ALICE, true);
        first.subnets().create(network.id(), Optional.empty(), "sub", "10.0.0.0/24", GatewayChoice.defaultGateway(), List.of());
        first.ports().create(network.id(), Optional.of(BOB), "b", "compute:nova", "vm-b", Optional.empty());

        EmbeddedVim second = new EmbeddedVim(REGION, SITE, Optional.of(file));

        assertThat(second.networks().list()).isEqualTo(first.networks().list());
        assertThat(second.subnets().list(Optional.empty())).isEqualTo(first.subnets().list(Optional.empty()));
        assertThat(second.ports().list(Optional.empty())).isEqualTo(first.ports().list(Optional.empty()));
        assertThat(second.ports().list(Optional.empty())).singleElement().extracting(PortView::project).isEqualTo(BOB);
    }

    @Test
    void aSnapshotFromBeforeOwners_loads_withTheSiteProjectOwningEverything(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.json");
        // The form written before owners existed: no project, no shared.
        Files.writeString(file, """
                {"region": "RegionOne",
                 "networks": [{"id": "%1$s", "name": "old", "subnetIds": ["%2$s"], "adminStateUp": true,
                               "createdAt": "2025-01-01T00:00:00Z", "updatedAt": "2025-01-01T00:00:00Z"}],
                 "subnets": [{"id": "%2$s", "name": "old-sub", "networkId": "%1$s", "cidr": "10.0.0.0/24",
                              "gatewayIp": "10.0.0.1", "allocationPools": [{"start": "10.0.0.2", "end": "10.0.0.254"}],
                              "enableDhcp": true,
                              "createdAt": "2025-01-01T00:00:00Z", "updatedAt": "2025-01-01T00:00:00Z"}],
                 "ports": [{"id": "%3$s", "name": "vm", "networkId": "%1$s", "deviceOwner": "compute:nova",
                            "deviceId": "vm-1", "macAddress": "fa:16:3e:00:00:01",
                            "fixedIps": [{"subnetId": "%2$s", "ipAddress": "10.0.0.2"}], "adminStateUp": true,
                            "createdAt": "2025-01-01T00:00:00Z", "updatedAt": "2025-01-01T00:00:00Z"}]}
                """.formatted(NETWORK, SUBNET, PORT));

        EmbeddedVim site = new EmbeddedVim(REGION, SITE, Optional.of(file));

        assertThat(site.networks().get(NETWORK)).satisfies(n -> {
            assertThat(n.project()).isEqualTo(SITE);
            assertThat(n.shared()).isFalse();
        });
        assertThat(site.subnets().get(SUBNET).project()).isEqualTo(SITE);
        assertThat(site.ports().get(PORT).project()).isEqualTo(SITE);
        assertThat(site.findNetwork(NetworkId.of(NETWORK))).hasValueSatisfying(n -> assertThat(n.project()).isEqualTo(SITE));
        assertThat(site.ports().create(NETWORK, Optional.empty(), "next", "compute:nova", "vm-2", Optional.empty())
                .fixedIps().getFirst().ipAddress()).as("allocation goes on").isEqualTo("10.0.0.3");

        // Written again in the new form: the owner no longer depends on the setting.
        assertThat(new EmbeddedVim(REGION, "another-site-project", Optional.of(file)).networks().get(NETWORK).project())
                .isEqualTo(SITE);
    }

    @Test
    void aSiteWithASnapshot_needsItsProject(@TempDir Path dir) {
        assertThatThrownBy(() -> new EmbeddedVim(REGION, " ", Optional.of(dir.resolve("x.json"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("diminet.project");
    }

    private static void assertRefused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EmbeddedVimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.type()).isEqualTo("InvalidInput");
            assertThat(e.getMessage()).isEqualTo("Invalid input for operation: a project id must not be empty.");
        });
    }
}
