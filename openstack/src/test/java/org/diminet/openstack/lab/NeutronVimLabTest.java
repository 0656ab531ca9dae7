package org.diminet.openstack.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.VimException;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.VimNetwork;
import org.diminet.openstack.neutron.NeutronApiException;
import org.diminet.openstack.neutron.NeutronClient;
import org.diminet.openstack.neutron.NeutronVim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the contract does not pin down: the exact error reports and the null gateway, against RegionTwo. */
@Tag("lab")
class NeutronVimLabTest {
    private static final Region REGION = Region.of("RegionTwo");
    /** Another project than the lab user's, as a user's service has: DIMINET creates for it as admin. */
    private static final String USER_PROJECT = UUID.randomUUID().toString().replace("-", "");

    private final NeutronClient neutron = new NeutronClient(LabEnv.get().newSession(), REGION);
    private final NeutronVim vim = new NeutronVim(neutron);
    private final List<NetworkId> created = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        created.forEach(vim::deleteNetwork);
    }

    @Test
    void aRefusedSubnet_carriesNeutronsMessage_andTheRegion() {
        String prefix = prefix();
        String name = "lab-refused-" + UUID.randomUUID().toString().substring(0, 8);

        assertThatThrownBy(() -> vim.createNetworkWithSubnet(name, USER_PROJECT,
                new SubnetSpec(Cidr.of(prefix + "0/24"), prefix + "1", List.of(new IpRange("10.250.0.10", "10.250.0.20")))))
                .isInstanceOfSatisfying(VimException.class, e -> {
                    assertThat(e.region()).isEqualTo(REGION);
                    assertThat(e.getCause()).isInstanceOfSatisfying(NeutronApiException.class, n -> {
                        assertThat(n.status()).isEqualTo(400);
                        assertThat(n.type()).isEqualTo("OutOfBoundsAllocationPool");
                    });
                })
                .hasMessage("VIM of RegionTwo: Neutron refused POST /v2.0/subnets (400 OutOfBoundsAllocationPool): "
                        + "The allocation pool 10.250.0.10-10.250.0.20 spans beyond the subnet cidr " + prefix + "0/24.");
    }

    @Test
    void aGatewayInsideAPool_is409_reportedAsAVimFailure() {
        String prefix = prefix();

        assertThatThrownBy(() -> vim.createNetworkWithSubnet("lab-gw", USER_PROJECT,
                new SubnetSpec(Cidr.of(prefix + "0/24"), prefix + "5", List.of(new IpRange(prefix + "2", prefix + "20")))))
                .isInstanceOf(VimException.class)
                .hasMessageContaining("(409 GatewayConflictWithAllocationPools): Gateway ip " + prefix + "5 conflicts");
    }

    @Test
    void anUnknownSubnet_is404_reportedAsAVimFailure() {
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> vim.updateAllocationPools(id, List.of(new IpRange("10.0.0.10", "10.0.0.20"))))
                .isInstanceOf(VimException.class)
                .hasMessage("VIM of RegionTwo: Neutron refused PUT /v2.0/subnets/" + id + " (404 SubnetNotFound): Subnet "
                        + id + " could not be found.");
    }

    @Test
    void aNullGateway_meansNoGateway_andThePoolsTakeTheWholeCidr() {
        String prefix = prefix();

        VimNetwork network = vim.createNetworkWithSubnet("lab-no-gw", USER_PROJECT,
                new SubnetSpec(Cidr.of(prefix + "0/24"), null, List.of()));
        created.add(network.id());

        assertThat(vim.subnetsOf(network.id())).singleElement().satisfies(s -> {
            assertThat(s.gatewayIp()).isNull();
            assertThat(s.allocationPools()).containsExactly(new IpRange(prefix + "1", prefix + "254"));
        });
    }

    @Test
    void theNetworkAndItsSubnet_belongToTheUsersProject() {
        String prefix = prefix();

        VimNetwork network = vim.createNetworkWithSubnet("lab-owner", USER_PROJECT,
                new SubnetSpec(Cidr.of(prefix + "0/24"), prefix + "1", List.of()));
        created.add(network.id());

        assertThat(network.project()).isEqualTo(USER_PROJECT);
        assertThat(network.shared()).isFalse();
        JsonNode subnet = neutron.get("/subnets/" + network.subnetIds().getFirst()).path("subnet");
        assertThat(subnet.path("project_id").asText()).as("the subnet's owner").isEqualTo(USER_PROJECT);
    }

    @Test
    void createNetworkWithSubnetLatency() {
        Timing create = new Timing("createNetworkWithSubnet (POST network + POST subnet)");
        Timing delete = new Timing("deleteNetwork");
        for (int i = 0; i < 10; i++) {
            String prefix = prefix();
            VimNetwork network = create.time(() -> vim.createNetworkWithSubnet("lab-timing", USER_PROJECT,
                    new SubnetSpec(Cidr.of(prefix + "0/24"), prefix + "1", List.of(new IpRange(prefix + "10", prefix + "99")))));
            delete.time(() -> {
                vim.deleteNetwork(network.id());
                return null;
            });
        }
        create.print();
        delete.print();
    }

    private static String prefix() {
        return "10.201." + ThreadLocalRandom.current().nextInt(256) + ".";
    }
}
