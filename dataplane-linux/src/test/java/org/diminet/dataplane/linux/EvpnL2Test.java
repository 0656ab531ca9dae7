package org.diminet.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.diminet.dataplane.linux.Lab.Site;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The proof: real packets between machines of different sites, joined by VXLAN and BGP EVPN (FRR) and
 * separated again by route targets. Needs root and FRR; skipped with the reason otherwise. Prints the
 * timings it measures (BGP session set-up, how fast an import change stops and restores traffic, RTTs).
 */
@Tag("linux")
class EvpnL2Test extends LabTest {
    private static final Duration SESSION_LIMIT = Duration.ofSeconds(30);
    private static final Duration TRAFFIC_LIMIT = Duration.ofSeconds(10);
    private static final RouteTarget RT1 = RouteTarget.of("64512:1");
    private static final RouteTarget RT2 = RouteTarget.of("64512:2");
    private static final RouteTarget UNUSED = RouteTarget.of("64512:99");


    @Override
    protected void requireHost() {
        LinuxPrerequisites.assumeFrr();
    }

    @Test
    void routeTargetsDecideWhetherTwoSitesShareAnL2Network() {
        List<Site> sites = lab.sites(2);
        Site a = sites.get(0);
        Site b = sites.get(1);
        long peering = System.nanoTime();
        lab.peer(sites);
        lab.awaitMesh(sites, SESSION_LIMIT);
        Duration sessionUp = Duration.ofNanos(System.nanoTime() - peering);
        assertThat(a.bgp().neighbors()).singleElement().satisfies(n -> {
            assertThat(n.address()).isEqualTo(b.underlay());
            assertThat(n.remoteAs()).isEqualTo(b.asn());
            assertThat(n.established()).isTrue();
        });

        extend(a, 100, Set.of(RT2), Set.of(RT1));
        extend(b, 100, Set.of(RT1), Set.of(RT2));
        String bridgeA = net.naming().bridge("net-100");
        MachineSpec ma = lab.machine(a, "a", bridgeA, "10.90.0.11/24");
        MachineSpec ma2 = lab.machine(a, "a2", bridgeA, "10.90.0.21/24");
        MachineSpec mb = lab.machine(b, "b", net.naming().bridge("net-100"), "10.90.0.12/24");

        Duration firstPing = awaitPing(ma, mb, true);
        assertPings(ma, mb, true);
        assertThat(a.bgp().configuredVnis().get(100L).imports()).containsExactly(RT2);
        assertThat(a.bgp().vnis()).singleElement().satisfies(v -> {
            assertThat(v.vni()).isEqualTo(100);
            assertThat(v.type()).isEqualTo("L2");
            assertThat(v.vxlanInterface()).isEqualTo("dmn-x100");
            assertThat(v.remoteVteps()).containsExactly(b.underlay());
        });
        assertThat(a.bgp().routes()).filteredOn(r -> !r.local())
                .extracting(EvpnRoute::type, EvpnRoute::nextHop).contains(tuple(3, b.underlay()));
        assertThat(a.bgp().routes()).filteredOn(r -> !r.local() && r.type() == 2)
                .allSatisfy(r -> assertThat(r.routeTargets()).contains(RT2));
        assertThat(net.fdb(a.namespace(), "dmn-x100")).anySatisfy(e -> {
            assertThat(e.mac()).isEqualTo("00:00:00:00:00:00");
            assertThat(e.dst()).isEqualTo(b.underlay());
        }).anySatisfy(e -> assertThat(e.fromEvpn()).isTrue());

        double crossRtt = rtt(ma, mb);
        double localRtt = rtt(ma, ma2);

        // B no longer imports what A exports: zebra withdraws A's MACs and flood entry at B.
        Duration fdbGone;
        Duration stopped;
        Duration resumed;
        Duration importChangeCall;
        Optional<Double> lastReply;
        Optional<Double> firstReply;
        try (ContinuousPing pinging = new ContinuousPing(ma.namespace(), mb.address(), Duration.ofSeconds(30))) {
            awaitPing(ma, mb, true);
            FrrInstance.sleep(Duration.ofMillis(300));
            double changeMillis = System.currentTimeMillis();
            long change = System.nanoTime();
            b.bgp().replaceImports(100, Set.of(UNUSED));
            importChangeCall = Duration.ofNanos(System.nanoTime() - change);
            fdbGone = awaitNoRemoteFdb(b, a.underlay(), change);
            stopped = awaitPing(ma, mb, false, change);
            assertPings(ma, mb, false);
            assertThat(b.bgp().configuredVnis().get(100L).imports()).containsExactly(UNUSED);

            double restoreMillis = System.currentTimeMillis();
            long restore = System.nanoTime();
            b.bgp().replaceImports(100, Set.of(RT1));
            resumed = awaitPing(ma, mb, true, restore);
            FrrInstance.sleep(Duration.ofMillis(200));
            lastReply = pinging.lastReplyBeforeGap(changeMillis);
            firstReply = pinging.firstReplyAfter(restoreMillis);
        }
        assertPings(ma, mb, true);

        // Without the VNI's configuration at B, B's routes lose their route target and A drops them.
        long removal = System.nanoTime();
        b.bgp().removeL2Vni(100);
        Duration removeCall = Duration.ofNanos(System.nanoTime() - removal);
        Duration removed = awaitPing(ma, mb, false, removal);
        b.bgp().removeL2Vni(100);
        assertThat(b.bgp().configuredVnis()).doesNotContainKey(100L);
        assertPings(ma, mb, false);

        report("two sites",
                "BGP EVPN session established %d ms after configuring both routers", sessionUp.toMillis(),
                "first cross-site ping answered %d ms after the machines were made", firstPing.toMillis(),
                "RTT cross-site %.3f ms, within one site %.3f ms (mean of 20)", crossRtt, localRtt,
                "import changed away (replaceImports call: %d ms, 2 vtysh runs):", importChangeCall.toMillis(),
                "  10 ms ping stream: last reply %s ms after the call began", millis(lastReply),
                "  A's entries gone from B's FDB at %d ms; first lost single ping at %d ms",
                fdbGone.toMillis(), stopped.toMillis(),
                "import restored: 10 ms ping stream: first reply %s ms after the call began; first answered"
                        + " single ping at %d ms", millis(firstReply), resumed.toMillis(),
                "VNI removed at B (removeL2Vni call: %d ms): first lost single ping at %d ms",
                removeCall.toMillis(), removed.toMillis());
    }

    private static String millis(Optional<Double> value) {
        return value.map(v -> String.format(Locale.ROOT, "%.0f", v)).orElse("(not seen)");
    }

    @Test
    void threeSitesReachEachOther() {
        List<Site> sites = lab.sites(3);
        long peering = System.nanoTime();
        lab.peer(sites);
        lab.awaitMesh(sites, SESSION_LIMIT);
        Duration up = Duration.ofNanos(System.nanoTime() - peering);
        RouteTarget shared = RouteTarget.of("64512:300");
        List<MachineSpec> machines = sites.stream().map(s -> {
            extend(s, 300, Set.of(shared), Set.of(shared));
            return lab.machine(s, "m" + s.number(), net.naming().bridge("net-300"), "10.90.0.1" + s.number() + "/24");
        }).toList();

        for (MachineSpec from : machines) {
            for (MachineSpec to : machines) {
                if (from != to) {
                    awaitPing(from, to, true);
                    assertPings(from, to, true);
                }
            }
        }
        for (Site site : sites) {
            assertThat(site.bgp().vnis()).singleElement()
                    .satisfies(v -> assertThat(v.remoteVteps()).hasSize(2));
        }
        report("three sites", "all 3 sessions established %d ms after the routers were configured", up.toMillis());
    }

    @ParameterizedTest(name = "VNIs {0} and {1}")
    @ValueSource(booleans = {false, true})
    void networksWithTheSameSubnetAndOtherRouteTargetsStayApart(boolean sameVniNumber) {
        List<Site> sites = lab.sites(4);
        lab.peer(sites);
        lab.awaitMesh(sites, SESSION_LIMIT);
        long vniRed = 100;
        long vniBlue = sameVniNumber ? 100 : 200;
        RouteTarget red = RouteTarget.of("64512:100");
        RouteTarget blue = RouteTarget.of("64512:200");
        // Sites 1 and 2 share "red", sites 3 and 4 share "blue"; the same 10.90.0.0/24 in both.
        extend(sites.get(0), vniRed, Set.of(red), Set.of(red));
        extend(sites.get(1), vniRed, Set.of(red), Set.of(red));
        extend(sites.get(2), vniBlue, Set.of(blue), Set.of(blue));
        extend(sites.get(3), vniBlue, Set.of(blue), Set.of(blue));
        MachineSpec r1 = lab.machine(sites.get(0), "r1", net.naming().bridge("net-" + vniRed), "10.90.0.11/24");
        MachineSpec r2 = lab.machine(sites.get(1), "r2", net.naming().bridge("net-" + vniRed), "10.90.0.12/24");
        MachineSpec b3 = lab.machine(sites.get(2), "b3", net.naming().bridge("net-" + vniBlue), "10.90.0.13/24");
        MachineSpec b4 = lab.machine(sites.get(3), "b4", net.naming().bridge("net-" + vniBlue), "10.90.0.14/24");

        awaitPing(r1, r2, true);
        awaitPing(b3, b4, true);
        assertPings(r1, r2, true);
        assertPings(b3, b4, true);
        List<Runnable> crossings = new ArrayList<>();
        for (MachineSpec red1 : List.of(r1, r2)) {
            for (MachineSpec blue1 : List.of(b3, b4)) {
                crossings.add(() -> assertPings(red1, blue1, false));
                crossings.add(() -> assertPings(blue1, red1, false));
            }
        }
        inParallel(crossings);
        assertThat(net.fdb(sites.get(0).namespace(), net.naming().vxlan(vniRed)))
                .extracting(FdbEntry::dst).doesNotContain(sites.get(2).underlay(), sites.get(3).underlay());
        assertThat(sites.get(0).bgp().vnis()).singleElement()
                .satisfies(v -> assertThat(v.remoteVteps()).containsExactly(sites.get(1).underlay()));
    }

    @Test
    void frrStartAndStopAreIdempotentAndLeaveNothingRunning() {
        Site a = lab.site(1);
        List<Long> pids = net.namespaces().pids(a.namespace());
        assertThat(pids).hasSize(2);
        a.frr().start("site1", Duration.ofSeconds(10));
        assertThat(net.namespaces().pids(a.namespace())).containsExactlyInAnyOrderElementsOf(pids);

        a.bgp().configureRouter(BgpRouter.ebgp(65001, a.underlay(), List.of(BgpNeighbor.external("10.255.0.9"))));
        a.bgp().configureRouter(BgpRouter.ebgp(65001, a.underlay(), List.of(BgpNeighbor.external("10.255.0.8"))));
        assertThat(a.bgp().neighbors()).extracting(BgpNeighborStatus::address).containsExactly("10.255.0.8");
        a.bgp().ensureL2Vni(L2Vni.of(7, RouteDistinguisher.of("10.255.0.1:7"), Set.of(RT1, RT2), Set.of(RT1)));
        a.bgp().ensureL2Vni(L2Vni.of(7, RouteDistinguisher.of("10.255.0.1:7"), Set.of(RT1, RT2), Set.of(RT1)));
        a.bgp().ensureL2Vni(L2Vni.of(7, RouteDistinguisher.of("10.255.0.1:77"), Set.of(RT2), Set.of(RT2)));
        assertThat(a.bgp().configuredVnis().get(7L)).isEqualTo(
                L2Vni.of(7, RouteDistinguisher.of("10.255.0.1:77"), Set.of(RT2), Set.of(RT2)));
        a.bgp().configureRouter(BgpRouter.ebgp(65101, a.underlay(), List.of()));
        assertThat(a.bgp().asn()).hasValue(65101);
        assertThat(a.bgp().configuredVnis()).isEmpty();

        a.frr().stop();
        a.frr().stop();
        assertThat(a.frr().running()).isFalse();
        assertThat(net.namespaces().pids(a.namespace())).isEmpty();
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());

        a.frr().start("site1", Duration.ofSeconds(10));
        assertThat(FrrInstance.killLeftovers(lab.directory)).hasSize(2);
        assertThat(net.namespaces().pids(a.namespace())).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /** Site's side of an L2 network "net-VNI": bridge, VXLAN device and the VNI's EVPN configuration. */
    private void extend(Site site, long vni, Set<RouteTarget> imports, Set<RouteTarget> exports) {
        String bridge = net.ensureBridge(site.namespace(), "net-" + vni);
        net.ensureVxlan(site.namespace(), vni, site.underlay(), bridge);
        site.bgp().ensureL2Vni(L2Vni.of(vni, RouteDistinguisher.of(site.underlay() + ":" + vni), imports, exports));
    }

    /** {@code ping -c 3 -W 1} from one machine to another: all answered, or none. */
    private void assertPings(MachineSpec from, MachineSpec to, boolean reachable) {
        PingResult result = net.ping(from.namespace(), to.address(), 3, Duration.ofMillis(200), Duration.ofSeconds(1));
        if (reachable) {
            assertThat(result.allReceived()).as("%s -> %s: %s", from.address(), to.address(), result).isTrue();
        } else {
            assertThat(result.noneReceived()).as("%s -> %s: %s", from.address(), to.address(), result).isTrue();
        }
    }

    /** Runs the checks at the same time (lost pings take their full wait) and rethrows the first failure. */
    private static void inParallel(List<Runnable> checks) {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = checks.stream().map(executor::submit)
                    .<Future<?>>map(f -> f).toList();
            for (var future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private Duration awaitPing(MachineSpec from, MachineSpec to, boolean reachable) {
        return awaitPing(from, to, reachable, System.nanoTime());
    }

    /**
     * Pings once (200 ms wait) again and again until the answer is as expected, at most
     * {@link #TRAFFIC_LIMIT}; returns the time from {@code since} to the start of the deciding ping.
     */
    private Duration awaitPing(MachineSpec from, MachineSpec to, boolean reachable, long since) {
        long deadline = System.nanoTime() + TRAFFIC_LIMIT.toNanos();
        while (true) {
            long attempt = System.nanoTime();
            PingResult result = net.ping(from.namespace(), to.address(), 1, Duration.ofMillis(200), Duration.ofMillis(200));
            if (result.allReceived() == reachable) {
                return Duration.ofNanos(attempt - since);
            }
            assertThat(System.nanoTime()).as("%s -> %s %s within %s", from.address(), to.address(),
                    reachable ? "answered" : "lost", TRAFFIC_LIMIT).isLessThan(deadline);
        }
    }

    /** Waits until no forwarding entry of {@code site}'s VXLAN devices points to {@code vtep}. */
    private Duration awaitNoRemoteFdb(Site site, String vtep, long start) {
        long deadline = start + TRAFFIC_LIMIT.toNanos();
        while (net.listVxlans(site.namespace()).stream()
                .anyMatch(v -> net.fdb(site.namespace(), v.name()).stream().anyMatch(e -> e.dst().equals(vtep)))) {
            assertThat(System.nanoTime()).as("FDB entries to %s withdrawn at %s", vtep, site.namespace())
                    .isLessThan(deadline);
            FrrInstance.sleep(Duration.ofMillis(10));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private double rtt(MachineSpec from, MachineSpec to) {
        net.ping(from.namespace(), to.address(), 3, Duration.ofMillis(50), Duration.ofSeconds(1)); // warm ARP/FDB
        PingResult result = net.ping(from.namespace(), to.address(), 20, Duration.ofMillis(50), Duration.ofSeconds(1));
        assertThat(result.allReceived()).as("%s", result).isTrue();
        return result.averageRttMillis();
    }

    private static void report(String title, Object... formatsAndArgs) {
        StringBuilder out = new StringBuilder("[measured] ").append(title).append('\n');
        int i = 0;
        while (i < formatsAndArgs.length) {
            String format = (String) formatsAndArgs[i++];
            int args = format.split("%[^%n]", -1).length - 1;
            Object[] values = new Object[args];
            System.arraycopy(formatsAndArgs, i, values, 0, args);
            i += args;
            out.append("  ").append(String.format(Locale.ROOT, format, values)).append('\n');
        }
        System.out.print(out);
    }
}
