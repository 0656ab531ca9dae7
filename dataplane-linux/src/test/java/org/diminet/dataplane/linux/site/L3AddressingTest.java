package org.diminet.dataplane.linux.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.Region;
import org.diminet.dataplane.linux.Naming;
import org.junit.jupiter.api.Test;

/** The L3 addressing scheme of the {@code linux} driver, without a kernel. */
class L3AddressingTest {
    private final LinuxSiteSettings three = new LinuxSiteSettings(Region.of("RegionThree"), "10.255.0.3/24", 65003,
            Map.of(), Naming.defaults(), Path.of("/run/diminet/regionthree"));

    @Test
    void routersOfASiteTakeTheirAddressesAndAsesFromItsNumber() {
        assertThat(three.siteNumber()).isEqualTo(3);
        assertThat(three.routerRange()).isEqualTo("10.254.3.0/24");
        assertThat(three.routerVtep(1)).isEqualTo("10.254.3.1");
        assertThat(three.routerVtep(254)).isEqualTo("10.254.3.254");
        assertThat(three.routerNumber("10.254.3.17")).isEqualTo(17);
        assertThat(three.routerNumber("10.254.2.17")).as("another site's router").isZero();
        assertThat(three.routerNumber("10.255.0.3")).isZero();
        assertThat(three.routerAsn(2)).isEqualTo(4_200_003_002L);
        assertThat(three.routerNamespace(8_400_000)).isEqualTo("dmn-rt-regionthree-8400000");
        assertThat(three.routerFrrDirectory(8_400_000)).isEqualTo(Path.of("/run/diminet/regionthree/l3-8400000"));
        assertThatThrownBy(() -> three.routerVtep(255)).isInstanceOf(IllegalArgumentException.class);
        assertThat(L3Routers.routerMac("10.254.3.17")).isEqualTo("02:00:0a:fe:03:11");
    }

    @Test
    void theRouterUnderlayMustBeASixteenApartFromTheSites() {
        assertThatThrownBy(() -> new LinuxSiteSettings(Region.of("R"), "10.254.0.1/24", 65001, Map.of(),
                Naming.defaults(), Path.of("/tmp/x"))).hasMessageContaining("holds the site's address");
        assertThatThrownBy(() -> new LinuxSiteSettings(Region.of("R"), "10.255.0.1/24", 65001, Map.of(),
                Naming.defaults(), Path.of("/tmp/x"), "10.254.0.0/24")).hasMessageContaining("/16");
        assertThatThrownBy(() -> new LinuxSiteSettings(Region.of("R"), "10.255.0.0/24", 65001, Map.of(),
                Naming.defaults(), Path.of("/tmp/x"))).hasMessageContaining("numbers the site");
        LinuxSiteSettings other = new LinuxSiteSettings(Region.of("R"), "192.168.0.9/24", 65009, Map.of(),
                Naming.defaults(), Path.of("/tmp/x"), "172.20.0.0/16");
        assertThat(other.routerVtep(1)).isEqualTo("172.20.9.1");
    }

    @Test
    void l3AndL2VnisOfServicesNeverMeet() {
        for (int i = 0; i < 1000; i++) {
            GlobalId service = GlobalId.random();
            long l2 = ServiceVni.l2(service);
            long l3 = ServiceVni.l3(service);
            assertThat(l2).isBetween(1L, ServiceVni.L3_BIT - 1);
            assertThat(l3).isBetween(ServiceVni.L3_BIT, (1L << 24) - 1);
            assertThat(l3 - ServiceVni.L3_BIT).as("the same 23 bits (0 kept for L3, made 1 for L2)").isIn(l2, 0L);
        }
    }
}
