package org.diminet.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BgpValuesTest {

    @Test
    void routeTargetsAndDistinguishersFollowFrrSyntax() {
        assertThat(RouteTarget.of("64512:1234").value()).isEqualTo("64512:1234");
        assertThat(RouteTarget.of("4200000000:7").value()).isEqualTo("4200000000:7");
        assertThat(RouteDistinguisher.of("10.255.0.1:100").value()).isEqualTo("10.255.0.1:100");
        for (String bad : new String[] {"", "64512", ":1", "1:", "a:1", "64512:1 2", "10.0.0.1:70000",
                "4200000000:70000", "4294967296:1", "64512:1\nrouter bgp 1"}) {
            assertThatThrownBy(() -> RouteTarget.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void routerRefusesBadTimersAndDuplicateNeighbors() {
        assertThatThrownBy(() -> BgpRouter.ebgp(65001, "10.255.0.1",
                List.of(BgpNeighbor.external("10.255.0.2"), BgpNeighbor.of("10.255.0.2", 65002))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BgpRouter.ebgp(0, "10.255.0.1", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BgpRouter.ebgp(65001, "not-an-ip", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runningConfigIsReadBack() {
        String config = """
                frr version 8.4.4
                frr defaults traditional
                hostname site1
                !
                router bgp 65001
                 bgp router-id 10.255.0.1
                 no bgp ebgp-requires-policy
                 neighbor 10.255.0.2 remote-as 65002
                 neighbor 10.255.0.3 remote-as external
                 !
                 address-family l2vpn evpn
                  neighbor 10.255.0.2 activate
                  advertise-all-vni
                  vni 100
                   rd 10.255.0.1:100
                   route-target import 64512:2
                   route-target import 64512:3
                   route-target export 64512:1
                  exit-vni
                  vni 200
                   route-target both 64512:200
                  exit-vni
                 exit-address-family
                exit
                !
                router bgp 65009 vrf other
                 neighbor 192.0.2.1 remote-as 1
                exit
                !
                end
                """;
        BgpConfig parsed = BgpConfig.parse(config);
        assertThat(parsed.asn()).hasValue(65001);
        assertThat(parsed.neighbors()).containsOnlyKeys("10.255.0.2", "10.255.0.3")
                .containsEntry("10.255.0.3", "external");
        assertThat(parsed.advertiseAllVni()).isTrue();
        assertThat(parsed.vnis()).containsOnlyKeys(100L, 200L);
        assertThat(parsed.vnis().get(100L)).isEqualTo(new L2Vni(100, Optional.of(RouteDistinguisher.of("10.255.0.1:100")),
                Set.of(RouteTarget.of("64512:2"), RouteTarget.of("64512:3")), Set.of(RouteTarget.of("64512:1"))));
        assertThat(parsed.vnis().get(200L).rd()).isEmpty();
        assertThat(parsed.vnis().get(200L).imports()).containsExactly(RouteTarget.of("64512:200"));
        assertThat(parsed.vnis().get(200L).exports()).containsExactly(RouteTarget.of("64512:200"));
    }

    @Test
    void layer3ConfigurationIsReadBack() {
        String config = """
                frr version 8.4.4
                hostname RegionOne-l3-9096574
                vni 9096574
                no ip forwarding
                !
                router bgp 4200001001
                 bgp router-id 10.254.1.1
                 no bgp ebgp-requires-policy
                 neighbor 10.255.0.1 remote-as 65001
                 neighbor 10.255.0.1 disable-connected-check
                 !
                 address-family ipv4 unicast
                  network 10.91.1.0/24
                 exit-address-family
                 !
                 address-family l2vpn evpn
                  neighbor 10.255.0.1 activate
                  neighbor 10.255.0.1 route-map l3in in
                  advertise-all-vni
                  advertise ipv4 unicast
                  rd 10.254.1.1:1
                  route-target import 64999:9096574
                  route-target export 64512:11
                  route-target export 64999:9096574
                 exit-address-family
                exit
                !
                bgp extcommunity-list standard l3imports seq 5 permit rt 64512:21
                bgp extcommunity-list standard l3imports seq 10 permit rt 64512:31
                !
                route-map l3in permit 10
                 match extcommunity l3imports
                exit
                !
                end
                """;
        BgpConfig parsed = BgpConfig.parse(config);
        assertThat(parsed.l3Vni()).hasValue(9096574);
        assertThat(parsed.networks()).containsExactly("10.91.1.0/24");
        assertThat(parsed.advertiseIpv4()).isTrue();
        assertThat(parsed.routeMaps()).containsExactly(BgpEvpn.L3_IMPORT_MAP);
        assertThat(parsed.evpnInboundRouteMaps()).containsEntry("10.255.0.1", BgpEvpn.L3_IMPORT_MAP);
        assertThat(parsed.l3()).hasValue(new L3Vni(9096574, Optional.of(RouteDistinguisher.of("10.254.1.1:1")),
                Set.of("10.91.1.0/24"), Set.of(RouteTarget.of("64512:21"), RouteTarget.of("64512:31")),
                Set.of(RouteTarget.of("64512:11"))));
        assertThat(L3Vni.vniTarget(9096574)).isEqualTo(RouteTarget.of("64999:9096574"));
    }

    @Test
    void peerGroupsAndListenRangesAreNotNeighbors() {
        String config = """
                router bgp 65001
                 neighbor l3routers peer-group
                 neighbor l3routers remote-as external
                 neighbor l3routers disable-connected-check
                 neighbor 10.255.0.2 remote-as external
                 bgp listen range 10.254.1.0/24 peer-group l3routers
                 !
                 address-family l2vpn evpn
                  neighbor l3routers activate
                  advertise-all-vni
                 exit-address-family
                exit
                """;
        BgpConfig parsed = BgpConfig.parse(config);
        assertThat(parsed.neighbors()).containsOnlyKeys("10.255.0.2");
        assertThat(parsed.peerGroups()).containsExactly("l3routers");
        assertThat(parsed.listenRanges()).containsEntry("10.254.1.0/24", "l3routers");
        assertThat(parsed.l3()).isEmpty();
    }

    @Test
    void emptyConfigHasNoRouter() {
        assertThat(BgpConfig.parse("hostname x\n!\nend\n").asn()).isEmpty();
    }
}
