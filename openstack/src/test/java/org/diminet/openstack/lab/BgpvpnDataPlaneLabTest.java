package org.diminet.openstack.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.DataPlaneAttachment;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.RouteTarget;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.domain.error.VimException;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.VimNetwork;
import org.diminet.openstack.bgpvpn.BgpvpnDataPlane;
import org.diminet.openstack.keystone.KeystoneSession;
import org.diminet.openstack.neutron.NeutronClient;
import org.diminet.openstack.neutron.NeutronVim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The bgpvpn driver against the lab's real networking-bgpvpn (RegionOne), read back straight from Neutron. */
@Tag("lab")
class BgpvpnDataPlaneLabTest {
    private static final Region REGION = Region.of("RegionOne");
    /** Networks DIMINET makes belong to the user's project, not DIMINET's: the driver must attach those. */
    private static final String USER_PROJECT = UUID.randomUUID().toString().replace("-", "");

    private KeystoneSession session;
    private NeutronClient neutron;
    private NeutronVim vim;
    private BgpvpnDataPlane dataPlane;
    private final List<NetworkId> networks = new ArrayList<>();
    private final List<DataPlaneAttachment> attachments = new ArrayList<>();

    @BeforeEach
    void connect() {
        session = LabEnv.get().newSession();
        neutron = new NeutronClient(session, REGION);
        vim = new NeutronVim(neutron);
        dataPlane = new BgpvpnDataPlane(neutron);
    }

    @AfterEach
    void removeEverything() {
        attachments.forEach(dataPlane::detach);
        networks.forEach(vim::deleteNetwork);
    }

    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void attach_update_detach(ServiceType type) {
        NetworkId network = freshNetwork();
        GlobalId service = GlobalId.random();
        RouteTarget export = RouteTarget.exportedBy(service, REGION);
        Set<RouteTarget> imports = Set.of(RouteTarget.exportedBy(service, Region.of("RegionTwo")));

        DataPlaneAttachment attachment = dataPlane.attach(service, type, network, export, imports);
        attachments.add(attachment);

        assertThat(attachment.driver()).isEqualTo("bgpvpn");
        assertThat(attachment.externalIds()).hasSize(2);
        assertThat(attachment.exportTarget()).isEqualTo(export);
        assertThat(attachment.importTargets()).isEqualTo(imports);
        JsonNode bgpvpn = bgpvpn(attachment);
        assertThat(bgpvpn.path("name").asText()).isEqualTo("diminet-" + service);
        assertThat(bgpvpn.path("type").asText()).isEqualTo(type == ServiceType.L2 ? "l2" : "l3");
        assertThat(texts(bgpvpn.path("export_targets"))).containsExactly(export.value());
        assertThat(texts(bgpvpn.path("import_targets"))).containsExactlyInAnyOrderElementsOf(values(imports));
        assertThat(texts(bgpvpn.path("route_targets"))).isEmpty();
        assertThat(texts(bgpvpn.path("networks"))).containsExactly(network.value());
        JsonNode association = neutron.get("/bgpvpn/bgpvpns/" + attachment.externalIds().get(0) + "/network_associations/"
                + attachment.externalIds().get(1)).path("network_association");
        assertThat(association.path("network_id").asText()).isEqualTo(network.value());

        Set<RouteTarget> more = Set.of(RouteTarget.exportedBy(service, Region.of("RegionTwo")),
                RouteTarget.exportedBy(service, Region.of("RegionThree")));
        DataPlaneAttachment updated = dataPlane.updateImports(attachment, more);

        assertThat(updated.externalIds()).isEqualTo(attachment.externalIds());
        assertThat(updated.importTargets()).isEqualTo(more);
        JsonNode after = bgpvpn(updated);
        assertThat(texts(after.path("import_targets"))).containsExactlyInAnyOrderElementsOf(values(more));
        assertThat(texts(after.path("export_targets"))).containsExactly(export.value());
        assertThat(texts(after.path("networks"))).containsExactly(network.value());

        dataPlane.detach(updated);
        attachments.remove(attachment);

        assertThat(neutron.find("/bgpvpn/bgpvpns/" + attachment.externalIds().get(0))).isEmpty();
        assertThat(neutron.list("/bgpvpn/bgpvpns?" + NeutronClient.query("name", "diminet-" + service), "bgpvpns")).isEmpty();
        dataPlane.detach(updated);
    }

    @Test
    void aRefusedAssociation_leavesNoBgpvpn() {
        GlobalId service = GlobalId.random();
        NetworkId missing = NetworkId.of(UUID.randomUUID().toString());

        assertThatThrownBy(() -> dataPlane.attach(service, ServiceType.L3, missing, RouteTarget.exportedBy(service, REGION), Set.of()))
                .isInstanceOf(VimException.class)
                .hasMessageContaining("VIM of RegionOne")
                .hasMessageContaining("Network " + missing + " could not be found.");
        assertThat(neutron.list("/bgpvpn/bgpvpns?" + NeutronClient.query("name", "diminet-" + service), "bgpvpns")).isEmpty();
    }

    @Test
    void updatingAVanishedBgpvpn_isAVimFailure() {
        GlobalId service = GlobalId.random();
        DataPlaneAttachment attachment = dataPlane.attach(service, ServiceType.L3, freshNetwork(),
                RouteTarget.exportedBy(service, REGION), Set.of());
        dataPlane.detach(attachment);

        assertThatThrownBy(() -> dataPlane.updateImports(attachment, Set.of(RouteTarget.exportedBy(service, Region.of("RegionTwo")))))
                .isInstanceOf(VimException.class)
                .hasMessageContaining("404 BGPVPNNotFound");
    }

    @Test
    void attachLatency() {
        Timing attach = new Timing("bgpvpn attach (POST bgpvpn + POST network_association)");
        Timing detach = new Timing("bgpvpn detach (DELETE association + DELETE bgpvpn)");
        for (int i = 0; i < 8; i++) {
            GlobalId service = GlobalId.random();
            NetworkId network = freshNetwork();
            DataPlaneAttachment a = attach.time(() -> dataPlane.attach(service, ServiceType.L3, network,
                    RouteTarget.exportedBy(service, REGION), Set.of(RouteTarget.exportedBy(service, Region.of("RegionTwo")))));
            attachments.add(a);
            detach.time(() -> {
                dataPlane.detach(a);
                return null;
            });
            attachments.remove(a);
        }
        attach.print();
        detach.print();
    }

    private NetworkId freshNetwork() {
        String prefix = "10.200." + ThreadLocalRandom.current().nextInt(256) + ".";
        VimNetwork network = vim.createNetworkWithSubnet("bgpvpn-lab-" + UUID.randomUUID().toString().substring(0, 8),
                USER_PROJECT, new SubnetSpec(Cidr.of(prefix + "0/24"), prefix + "1", List.of()));
        networks.add(network.id());
        return network.id();
    }

    private JsonNode bgpvpn(DataPlaneAttachment attachment) {
        return neutron.get("/bgpvpn/bgpvpns/" + attachment.externalIds().getFirst()).path("bgpvpn");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> values(Set<RouteTarget> targets) {
        return targets.stream().map(RouteTarget::value).toList();
    }
}
