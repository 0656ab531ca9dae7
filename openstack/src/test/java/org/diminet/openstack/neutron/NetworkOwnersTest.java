package org.diminet.openstack.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.RouteTarget;
import org.diminet.core.domain.ServiceType;
import org.diminet.openstack.bgpvpn.BgpvpnDataPlane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The BGPVPN driver creates its objects in the network owner's project. When the site's Neutron adapter
 * has just read the network (every create reads it first), the driver takes the owner from there instead
 * of asking Neutron again; a network nobody read here is still asked for.
 */
class NetworkOwnersTest {
    private static final Region TWO = Region.of("RegionTwo");
    private static final String NET = "6a1b3c4d-0000-4000-8000-0000000000a1";
    private static final String BGPVPN = "6a1b3c4d-0000-4000-8000-0000000000b1";
    private static final String OWNER = "owner-project";
    private static final GlobalId SERVICE = GlobalId.parse("6a1b3c4d-0000-4000-8000-0000000000c1");

    private final ScriptedNeutron neutron = new ScriptedNeutron()
            .on("GET", "/networks/" + NET, 200, "{\"network\":{\"id\":\"" + NET + "\",\"name\":\"n\",\"subnets\":[],"
                    + "\"project_id\":\"" + OWNER + "\",\"shared\":true}}")
            .on("POST", "/bgpvpn/bgpvpns", 201, "{\"bgpvpn\":{\"id\":\"" + BGPVPN + "\"}}")
            .on("POST", "/bgpvpn/bgpvpns/" + BGPVPN + "/network_associations", 201,
                    "{\"network_association\":{\"id\":\"a1\"}}");

    @AfterEach
    void stop() {
        neutron.close();
    }

    @Test
    void aNetworkTheVimJustReadIsAttachedInItsOwnersProjectWithoutReadingItAgain() {
        NetworkOwners owners = new NetworkOwners();
        NeutronVim vim = new NeutronVim(neutron.client(TWO), owners);
        BgpvpnDataPlane dataPlane = new BgpvpnDataPlane(neutron.client(TWO), owners);

        vim.findNetwork(NetworkId.of(NET));
        attach(dataPlane);

        List<ScriptedNeutron.Request> sent = neutron.requests();
        assertThat(sent).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET /v2.0/networks/" + NET, "POST /v2.0/bgpvpn/bgpvpns",
                "POST /v2.0/bgpvpn/bgpvpns/" + BGPVPN + "/network_associations");
        assertThat(sent.get(1).body().at("/bgpvpn/project_id").asText()).isEqualTo(OWNER);
        assertThat(sent.get(2).body().at("/network_association/project_id").asText()).isEqualTo(OWNER);
    }

    @Test
    void aNetworkNobodyReadHereIsAskedForItsOwner() {
        attach(new BgpvpnDataPlane(neutron.client(TWO), new NetworkOwners()));

        List<ScriptedNeutron.Request> sent = neutron.requests();
        assertThat(sent.getFirst().method() + " " + sent.getFirst().path()).isEqualTo("GET /v2.0/networks/" + NET);
        assertThat(sent.get(1).body().at("/bgpvpn/project_id").asText()).isEqualTo(OWNER);
    }

    private static void attach(BgpvpnDataPlane dataPlane) {
        dataPlane.attach(SERVICE, ServiceType.L3, NetworkId.of(NET), RouteTarget.exportedBy(SERVICE, TWO),
                Set.of(RouteTarget.exportedBy(SERVICE, Region.of("RegionOne"))));
    }
}
