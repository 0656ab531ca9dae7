package org.diminet.core.l3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverlapCheckTest {

    private static final NetworkId NET_A = NetworkId.of("11111111-1111-1111-1111-111111111111");
    private static final NetworkId NET_B = NetworkId.of("22222222-2222-2222-2222-222222222222");

    private static SiteCidr site(String region, NetworkId network, String cidr) {
        return new SiteCidr(Region.of(region), network, Cidr.of(cidr));
    }

    @Test
    void disjointSubnetsFromThePaperPass() {
        assertThatCode(() -> OverlapCheck.requireDisjoint(List.of(
                site("RegionOne", NET_A, "10.1.2.0/23"),
                site("RegionTwo", NET_B, "10.1.4.0/23"))))
                .doesNotThrowAnyException();
    }

    @Test
    void emptyAndSingleSetsPass() {
        assertThatCode(() -> OverlapCheck.requireDisjoint(List.of())).doesNotThrowAnyException();
        assertThatCode(() -> OverlapCheck.requireDisjoint(List.of(site("RegionOne", NET_A, "10.0.0.0/8"))))
                .doesNotThrowAnyException();
    }

    @Test
    void overlapAcrossSitesNamesBothNetworksRegionsAndCidrs() {
        List<SiteCidr> cidrs = List.of(
                site("RegionOne", NET_A, "10.1.2.0/23"),
                site("RegionTwo", NET_B, "10.1.3.0/24"));

        assertThatThrownBy(() -> OverlapCheck.requireDisjoint(cidrs))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.problemType()).isEqualTo("cidr-overlap");
                    assertThat(e.getMessage()).contains(
                            "10.1.2.0/23", "10.1.3.0/24", "RegionOne", "RegionTwo",
                            NET_A.value(), NET_B.value());
                    assertThat(e.getMessage()).startsWith("CIDR 10.1.2.0/23 of network " + NET_A.value()
                            + " at RegionOne overlaps CIDR 10.1.3.0/24 of network " + NET_B.value()
                            + " at RegionTwo");
                });
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
        "10.0.0.0/16, 10.0.5.0/24",      // containment
        "10.0.5.0/24, 10.0.0.0/16",      // containment, other way round
        "10.0.0.0/24, 10.0.0.0/24",      // identical
        "10.0.0.7/24, 10.0.0.0/24",      // identical once canonical
        "0.0.0.0/0, 192.168.1.0/24",
        "2001:db8::/48, 2001:db8:0:1::/64",
        "2001:db8::/64, 2001:db8::/64",
    })
    void containedOrIdenticalCidrsOverlap(String first, String second) {
        assertThatThrownBy(() -> OverlapCheck.requireDisjoint(List.of(
                site("RegionOne", NET_A, first), site("RegionTwo", NET_B, second))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.problemType()).isEqualTo("cidr-overlap");
                    assertThat(e.getMessage()).contains(Cidr.of(first).value(), Cidr.of(second).value());
                });
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
        "10.0.0.0/24, 10.0.1.0/24",
        "10.0.0.0/25, 10.0.0.128/25",
        "0.0.0.0/0, ::/0",                 // IPv4 and IPv6 never overlap
        "10.0.0.0/8, ::ffff:10.0.0.0/104", // not even an IPv4-mapped IPv6 block
        "10.0.0.0/8, ::a00:0/104",         // nor an IPv4-compatible one with the same bits
        "2001:db8::/64, 2001:db8:0:1::/64",
    })
    void disjointCidrsPass(String first, String second) {
        assertThatCode(() -> OverlapCheck.requireDisjoint(List.of(
                site("RegionOne", NET_A, first), site("RegionTwo", NET_B, second))))
                .doesNotThrowAnyException();
    }

    @Test
    void subnetsOfOneRegionAreNotComparedWithEachOther() {
        assertThatCode(() -> OverlapCheck.requireDisjoint(List.of(
                site("RegionOne", NET_A, "10.0.0.0/16"),
                site("RegionOne", NET_A, "10.0.5.0/24"),
                site("RegionTwo", NET_B, "10.1.0.0/16"))))
                .doesNotThrowAnyException();
    }

    @Test
    void aSameRegionOverlapDoesNotHideACrossRegionOne() {
        assertThatThrownBy(() -> OverlapCheck.requireDisjoint(List.of(
                site("RegionOne", NET_A, "10.0.0.0/16"),
                site("RegionOne", NET_A, "10.0.5.0/24"),
                site("RegionTwo", NET_B, "10.0.5.128/25"))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.problemType()).isEqualTo("cidr-overlap");
                    assertThat(e.getMessage()).contains("10.0.5.128/25", "RegionTwo", "RegionOne");
                });
    }

    @Test
    void oneOverlappingPairAmongSixSitesIsFound() {
        List<SiteCidr> cidrs = new ArrayList<>();
        List<NetworkId> networks = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            NetworkId network = NetworkId.of(String.format("00000000-0000-0000-0000-%012d", i));
            networks.add(network);
            // Site 5's subnet lies inside site 2's; all others are disjoint.
            String cidr = i == 5 ? "10.0.2.128/25" : "10.0." + i + ".0/24";
            cidrs.add(site("Site" + i, network, cidr));
            cidrs.add(site("Site" + i, network, "2001:db8:" + i + "::/64"));
        }
        List<SiteCidr> withoutOverlap = cidrs.stream().filter(c -> !c.region().name().equals("Site5")).toList();
        assertThatCode(() -> OverlapCheck.requireDisjoint(withoutOverlap)).doesNotThrowAnyException();

        assertThatThrownBy(() -> OverlapCheck.requireDisjoint(cidrs))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.problemType()).isEqualTo("cidr-overlap");
                    assertThat(e.getMessage()).contains("10.0.2.0/24", "10.0.2.128/25", "Site2", "Site5",
                            networks.get(1).value(), networks.get(4).value());
                    assertThat(e.getMessage()).doesNotContain("Site1", "Site3", "Site4", "Site6");
                });
    }
}
