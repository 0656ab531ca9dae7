package org.diminet.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.diminet.dataplane.linux.Lab.Site;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A spike, not an API: L3 routing between two sites' different subnets with EVPN type-5 routes over an
 * L3VNI (symmetric IRB), in each site namespace's default table since this kernel has no VRF. What it
 * needs beyond the L2 primitives is done here with raw {@code ip}/{@code sysctl}/{@code vtysh} lines; a real
 * L3 service would get a router namespace per service and site so that services stay apart.
 *
 * <p>Per site: the tenant network's bridge carries the gateway address (10.N.0.1/24), forwarding is on, and
 * the L3VNI 4001 has a bridge with a fixed MAC (the router MAC zebra advertises) and a VXLAN device. zebra
 * maps the L3VNI to the default VRF ({@code vni 4001}); bgpd originates the subnet ({@code network}),
 * {@code advertise ipv4 unicast} turns it into a type-5 route with the route targets of the router's
 * {@code l2vpn evpn} family, and zebra installs the peer's prefix as {@code via VTEP dev L3-bridge onlink}.
 */
@Tag("linux")
class EvpnL3SpikeTest extends LabTest {
    private static final long L3VNI = 4001;


    @Override
    protected void requireHost() {
        LinuxPrerequisites.assumeFrr();
    }

    @Test
    void type5RoutesJoinTwoSubnetsAndRouteTargetsSeparateThem() {
        List<Site> sites = lab.sites(2);
        lab.peer(sites);
        lab.awaitMesh(sites, Duration.ofSeconds(30));
        MachineSpec m1 = routedSite(sites.get(0));
        MachineSpec m2 = routedSite(sites.get(1));

        long start = System.nanoTime();
        awaitReach(m1, m2, true);
        Duration routed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(net.ping(m1.namespace(), m2.address(), 3, Duration.ofMillis(200), Duration.ofSeconds(1))
                .allReceived()).isTrue();
        assertThat(sites.get(0).bgp().routes()).filteredOn(r -> r.type() == 5 && !r.local())
                .singleElement().satisfies(r -> {
                    assertThat(r.prefix()).contains("10.2.0.0");
                    assertThat(r.nextHop()).isEqualTo(sites.get(1).underlay());
                });
        assertThat(sites.get(0).bgp().vnis()).singleElement().satisfies(v -> assertThat(v.type()).isEqualTo("L3"));
        String routes = net.namespaces().exec(sites.get(0).namespace(), Duration.ofSeconds(5), "ip", "route");
        assertThat(routes).contains("10.2.0.0/24").contains("via 10.255.0.2 dev dmn-bl3").contains("onlink");
        double rtt = net.ping(m1.namespace(), m2.address(), 20, Duration.ofMillis(50), Duration.ofSeconds(1))
                .averageRttMillis();

        // Site 2 stops importing site 1's prefixes: its route back to 10.1.0.0/24 goes.
        Site b = sites.get(1);
        long change = System.nanoTime();
        b.frr().configure(List.of("router bgp " + b.asn(), "address-family l2vpn evpn",
                "route-target import 64512:99", "no route-target import 64512:" + L3VNI));
        awaitReach(m1, m2, false);
        Duration cut = Duration.ofNanos(System.nanoTime() - change);
        System.out.printf("[measured] L3 spike (type-5, symmetric IRB)%n  routed ping answered %d ms after"
                        + " configuring; RTT across sites %.3f ms; import removed: traffic lost within %d ms%n",
                routed.toMillis(), rtt, cut.toMillis());
    }

    /** Site N: tenant subnet 10.N.0.0/24 with gateway 10.N.0.1, machine 10.N.0.1N, L3VNI 4001. */
    private MachineSpec routedSite(Site site) {
        String ns = site.namespace();
        int n = site.number();
        String tenant = net.ensureBridge(ns, "tenant");
        String l3 = "dmn-bl3";
        raw(ns, "address replace 10." + n + ".0.1/24 dev " + tenant,
                "link add " + l3 + " address 02:00:00:00:40:0" + n + " type bridge",
                "link set " + l3 + " up");
        net.ensureVxlan(ns, L3VNI, site.underlay(), l3);
        net.namespaces().exec(ns, Duration.ofSeconds(5), "sysctl", "-qw", "net.ipv4.ip_forward=1");
        site.frr().configure(List.of(
                "vni " + L3VNI,
                "router bgp " + site.asn(),
                "address-family ipv4 unicast",
                "network 10." + n + ".0.0/24",
                "exit-address-family",
                "address-family l2vpn evpn",
                "advertise ipv4 unicast",
                "rd " + site.underlay() + ":" + L3VNI,
                "route-target import 64512:" + L3VNI,
                "route-target export 64512:" + L3VNI));
        MachineSpec machine = MachineSpec.of(lab.namespace("m" + n), ns, tenant, "10." + n + ".0.1" + n + "/24",
                "10." + n + ".0.1");
        net.ensureMachine(machine);
        return machine;
    }

    private void raw(String namespace, String... lines) {
        net.runner().run(Command.of("ip", "-n", namespace, "-batch", "-").withStdin(String.join("\n", lines) + "\n"));
    }

    private void awaitReach(MachineSpec from, MachineSpec to, boolean reachable) {
        // Generous: FRR installs type-5 routes within seconds, but a loaded CI machine has been seen taking over 15 s.
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (net.ping(from.namespace(), to.address(), 1, Duration.ofMillis(200), Duration.ofMillis(200))
                .allReceived() != reachable) {
            assertThat(System.nanoTime()).as("%s -> %s %s", from.address(), to.address(),
                    reachable ? "routed" : "cut").isLessThan(deadline);
        }
    }
}
