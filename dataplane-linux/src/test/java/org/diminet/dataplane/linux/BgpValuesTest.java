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
    void emptyConfigHasNoRouter() {
        assertThat(BgpConfig.parse("hostname x\n!\nend\n").asn()).isEmpty();
    }
}
