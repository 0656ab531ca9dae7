package org.diminet.dataplane.linux.site;

import org.diminet.dataplane.linux.DirectoryTrees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.diminet.core.dataplane.DataPlane.StoredAttachment;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.DataPlaneAttachment;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.RouteTarget;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.domain.error.ConflictException;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.dataplane.linux.FrrInstance;
import org.diminet.dataplane.linux.LinuxNetwork;
import org.diminet.dataplane.linux.LinuxPrerequisites;
import org.diminet.dataplane.linux.Naming;
import org.diminet.dataplane.linux.ProcessRunner;
import org.diminet.vim.embedded.EmbeddedVim;
import org.diminet.vim.embedded.FixedIpRequest;
import org.diminet.vim.embedded.PortView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real packets through the {@code linux} driver's L3 routing: three sites ({@link LinuxSite} with an
 * in-memory {@link EmbeddedVim} each, their namespaces on one WAN bridge, FRR with eBGP EVPN between them),
 * a network with a different CIDR per site and a machine on it. DIMINET's route-target contract is played
 * by hand: each site exports {@link RouteTarget#exportedBy} and imports the other sites'. Machines of an L3
 * service ping across sites, not before the service exists nor after it (or their site's part) is removed;
 * two L3 services routing the same CIDRs never reach each other; a site whose FRRs restarted is rebuilt by
 * {@code restore}, and {@code restore} of nothing removes everything of the driver.
 *
 * <p>Everything is named with a random prefix ({@code d<3 characters>-}), FRR files live under
 * {@code /tmp/<prefix>frr-N}, and all of it is removed after the class, on failure too (and from a shutdown
 * hook).
 */
@Tag("linux")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinuxDataPlaneL3Test {
    private static final Duration ROUTED_WITHIN = Duration.ofSeconds(30);
    private static final Duration CUT_WITHIN = Duration.ofSeconds(20);

    private final String prefix = "d" + randomBase36(3) + "-";
    private final Naming naming = new Naming(prefix);
    private final LinuxNetwork net = new LinuxNetwork(new ProcessRunner(), naming);
    private final List<Site> sites = new ArrayList<>();
    private final List<Runnable> afterEach = new ArrayList<>();
    private final Thread hook = new Thread(this::cleanUp, "l3-test-cleanup");

    /** A site of the test: its VIM, its {@link LinuxSite} and the driver on it. */
    private record Site(int number, Region region, EmbeddedVim vim, LinuxSite linux, LinuxDataPlane dataPlane) {
        LinuxSiteSettings settings() {
            return linux.settings();
        }
    }

    /** A machine: its namespace and address. */
    private record Machine(String namespace, String address, String portId) {
    }

    @BeforeAll
    void startSites() {
        LinuxPrerequisites.assumeFrr();
        Runtime.getRuntime().addShutdownHook(hook);
        List<Region> regions = List.of(Region.of("RegionOne"), Region.of("RegionTwo"), Region.of("RegionThree"));
        for (int n = 1; n <= regions.size(); n++) {
            Map<String, String> peers = new LinkedHashMap<>();
            for (int m = 1; m <= regions.size(); m++) {
                if (m != n) {
                    peers.put(regions.get(m - 1).name(), "10.255.0." + m);
                }
            }
            LinuxSiteSettings settings = new LinuxSiteSettings(regions.get(n - 1), "10.255.0." + n + "/24", 65000 + n,
                    peers, naming, frrDirectory(n));
            EmbeddedVim vim = new EmbeddedVim(regions.get(n - 1));
            LinuxSite linux = new LinuxSite(settings, net, vim);
            sites.add(new Site(n, regions.get(n - 1), vim, linux, new LinuxDataPlane(linux)));
            linux.start();
        }
        long start = System.nanoTime();
        for (Site site : sites) {
            site.linux().evpn().awaitEstablished(site.settings().peers().values(), Duration.ofSeconds(30));
        }
        System.out.printf("[measured] L3 test: 3 sites' BGP sessions up %d ms after the last site started%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    @AfterEach
    void removeServicesAndMachines() {
        List<Runnable> steps = new ArrayList<>(afterEach);
        afterEach.clear();
        for (Runnable step : steps.reversed()) {
            step.run();
        }
    }

    @AfterAll
    void stopSites() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs cleanUp, which is idempotent
        }
        assertThat(net.namespaces().list()).as("namespaces left by the test").isEmpty();
        assertThat(routerFrrProcesses()).as("router FRR processes left").isEmpty();
    }

    // ---------------------------------------------------------------- tests

    @Test
    void machinesOnDifferentSubnetsPingAcrossThreeSitesUntilTheirSiteLeavesOrTheServiceGoes() {
        List<NetworkId> networks = new ArrayList<>();
        List<Machine> machines = new ArrayList<>();
        for (Site site : sites) {
            NetworkId network = network(site, "a" + site.number(), "10.91." + site.number() + ".0/24");
            networks.add(network);
            machines.add(machine(site, network, Optional.empty()));
        }
        Machine m1 = machines.get(0);
        Machine m2 = machines.get(1);
        Machine m3 = machines.get(2);
        assertThat(reaches(m1, m2)).as("before the service exists").isFalse();

        GlobalId service = GlobalId.random();
        long start = System.nanoTime();
        Map<Site, DataPlaneAttachment> attachments = attach(service, ServiceType.L3, sites, networks);
        long attached = System.nanoTime();
        Duration firstPing = awaitReach(m1, m2, true, ROUTED_WITHIN);
        Duration sinceAttach = Duration.ofNanos(System.nanoTime() - attached);
        awaitReach(m1, m3, true, ROUTED_WITHIN);
        awaitReach(m2, m3, true, ROUTED_WITHIN);
        awaitReach(m3, m1, true, ROUTED_WITHIN);
        double rtt = net.ping(m1.namespace(), m2.address(), 20, Duration.ofMillis(50), Duration.ofSeconds(1))
                .averageRttMillis();

        long vni = ServiceVni.l3(service);
        assertThat(vni).isGreaterThanOrEqualTo(ServiceVni.L3_BIT);
        for (Site site : sites) {
            assertThat(attachments.get(site).externalIds()).containsExactly("l3", Long.toString(vni),
                    networks.get(site.number() - 1).value(), "10.254." + site.number() + ".1");
        }
        String router1 = sites.get(0).settings().routerNamespace(vni);
        assertThat(route(router1, "10.91.2.0/24")).hasValueSatisfying(r -> assertThat(r)
                .contains(" via 10.254.2.1 dev " + naming.l3Bridge() + " ").contains("onlink"));

        // Site 2 stops importing site 1's target: its way back to 10.91.1.0/24 goes, and with it the pings.
        Site two = sites.get(1);
        RouteTarget oneExports = RouteTarget.exportedBy(service, sites.get(0).region());
        Set<RouteTarget> twoImports = attachments.get(two).importTargets();
        long change = System.nanoTime();
        two.dataPlane().updateImports(attachments.get(two), without(twoImports, oneExports));
        awaitReach(m1, m2, false, CUT_WITHIN);
        Duration importCut = Duration.ofNanos(System.nanoTime() - change);
        assertThat(reaches(m2, m3)).as("site 2 still imports site 3").isTrue();
        attachments.put(two, two.dataPlane().updateImports(attachments.get(two), twoImports));
        awaitReach(m1, m2, true, ROUTED_WITHIN);
        assertThat(reaches(m2, m3)).isTrue();

        // Site 3 leaves: detach there, the others stop importing its target.
        Site three = sites.get(2);
        RouteTarget threeExports = RouteTarget.exportedBy(service, three.region());
        change = System.nanoTime();
        three.dataPlane().detach(attachments.remove(three));
        for (Site site : List.of(sites.get(0), two)) {
            DataPlaneAttachment a = attachments.get(site);
            attachments.put(site, site.dataPlane().updateImports(a, without(a.importTargets(), threeExports)));
        }
        awaitReach(m1, m3, false, CUT_WITHIN);
        Duration leaveCut = Duration.ofNanos(System.nanoTime() - change);
        assertThat(reaches(m3, m2)).isFalse();
        assertThat(reaches(m1, m2)).as("the remaining sites still route").isTrue();
        assertThat(net.namespaces().exists(three.settings().routerNamespace(vni))).isFalse();
        assertThat(net.routes(router1)).noneMatch(r -> r.startsWith("10.91.3.0/24"));

        // The service goes: nothing of it is left.
        for (Site site : List.of(sites.get(0), two)) {
            site.dataPlane().detach(attachments.remove(site));
        }
        assertThat(reaches(m1, m2)).as("after the service is deleted").isFalse();
        assertThat(routerNamespaces()).isEmpty();
        assertThat(routerFrrProcesses()).isEmpty();
        for (Site site : sites) {
            assertThat(site.settings().routerFrrDirectory(vni)).doesNotExist();
            assertThat(net.listGatewayPorts(site.settings().siteNamespace())).isEmpty();
        }

        System.out.printf("[measured] L3 (type-5 over L3 VNI %d, router namespace per service and site)%n"
                        + "  first cross-site ping %d ms after the first attach (%d ms after the last);"
                        + " routed RTT %.3f ms (20 pings, 3 hops)%n"
                        + "  one import removed: pings lost within %d ms; a site left (detach + updateImports):"
                        + " lost within %d ms%n",
                vni, Duration.ofNanos(firstPing.toNanos() + (attached - start)).toMillis(), sinceAttach.toMillis(), rtt,
                importCut.toMillis(), leaveCut.toMillis());
    }

    @Test
    void twoL3ServicesRoutingTheSameCidrsNeverReachEachOther() {
        Site one = sites.get(0);
        Site two = sites.get(1);
        Site three = sites.get(2);
        // A: 10.92.1.0/24 at site 1, 10.92.2.0/24 at site 2. B: the same two CIDRs, at site 3 and site 1.
        NetworkId a1 = network(one, "iso-a1", "10.92.1.0/24");
        NetworkId a2 = network(two, "iso-a2", "10.92.2.0/24");
        NetworkId b3 = network(three, "iso-b3", "10.92.1.0/24");
        NetworkId b1 = network(one, "iso-b1", "10.92.2.0/24");
        Machine ma1 = machine(one, a1, Optional.empty());
        Machine ma2 = machine(two, a2, Optional.empty());
        Machine mb3 = machine(three, b3, Optional.of("10.92.1.20"));
        Machine mb1 = machine(one, b1, Optional.of("10.92.2.20"));

        GlobalId serviceA = GlobalId.random();
        GlobalId serviceB = GlobalId.random();
        Map<Site, DataPlaneAttachment> a = attach(serviceA, ServiceType.L3, List.of(one, two), List.of(a1, a2));
        attach(serviceB, ServiceType.L3, List.of(three, one), List.of(b3, b1));
        awaitReach(ma1, ma2, true, ROUTED_WITHIN);
        awaitReach(mb3, mb1, true, ROUTED_WITHIN);
        awaitReach(ma2, ma1, true, ROUTED_WITHIN);
        awaitReach(mb1, mb3, true, ROUTED_WITHIN);

        for (Machine from : List.of(ma1, ma2)) {
            for (Machine to : List.of(mb1, mb3)) {
                assertThat(reaches(from, to)).as("A's %s reaches B's %s", from.address(), to.address()).isFalse();
                assertThat(reaches(to, from)).as("B's %s reaches A's %s", to.address(), from.address()).isFalse();
            }
        }
        // Each router at site 1 holds its own service's routes only, although both route 10.92.2.0/24.
        String routerA = one.settings().routerNamespace(ServiceVni.l3(serviceA));
        String routerB = one.settings().routerNamespace(ServiceVni.l3(serviceB));
        String vtepA2 = a.get(two).externalIds().get(3);
        String vtepB3 = "10.254.3." + three.settings().routerNumber(three.linux().routers()
                .vtep(ServiceVni.l3(serviceB)).orElseThrow());
        assertThat(net.routes(routerA)).filteredOn(r -> r.startsWith("10.92.")).hasSize(2);
        assertThat(route(routerA, "10.92.2.0/24")).hasValueSatisfying(r -> assertThat(r).contains(" via " + vtepA2 + " "));
        assertThat(net.routes(routerB)).filteredOn(r -> r.startsWith("10.92.")).hasSize(2);
        assertThat(route(routerB, "10.92.1.0/24")).hasValueSatisfying(r -> assertThat(r).contains(" via " + vtepB3 + " "));

        // A network one L3 service routes here cannot be routed by another.
        GlobalId serviceC = GlobalId.random();
        afterEach.add(() -> one.dataPlane().detachUnrecorded(serviceC));
        assertThatThrownBy(() -> one.dataPlane().attach(serviceC, ServiceType.L3, a1,
                RouteTarget.exportedBy(serviceC, one.region()), Set.of()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already routed");
        assertThat(net.namespaces().exists(one.settings().routerNamespace(ServiceVni.l3(serviceC)))).isFalse();

        // detachUnrecorded finds B's routers by its id alone.
        three.dataPlane().detachUnrecorded(serviceB);
        one.dataPlane().detachUnrecorded(serviceB);
        assertThat(net.namespaces().exists(routerB)).isFalse();
        assertThat(reaches(mb1, mb3)).isFalse();
        assertThat(reaches(ma1, ma2)).as("A is untouched").isTrue();
    }

    @Test
    void aServiceWhoseVniIsTakenAtASiteIsRefusedThereAndLeavesTheOwnerWorking() {
        Site one = sites.get(0);
        Site two = sites.get(1);
        // Two ids with the same 23 bits where the VNIs come from: one chance in 8 million per pair, made sure here.
        GlobalId owner = GlobalId.parse("0a0b0c00-0000-4000-8000-000000000001");
        GlobalId clashing = GlobalId.parse("0a0b0c00-0000-4000-8000-000000000002");
        assertThat(ServiceVni.l2(clashing)).isEqualTo(ServiceVni.l2(owner));
        assertThat(ServiceVni.l3(clashing)).isEqualTo(ServiceVni.l3(owner));

        // L2: the owner extends one network across two sites; its machines talk.
        NetworkId ownerOne = network(one, "vni-l2-1", "10.93.1.0/24");
        NetworkId ownerTwo = network(two, "vni-l2-2", "10.93.1.0/24");
        Machine m1 = machine(one, ownerOne, Optional.of("10.93.1.11"));
        Machine m2 = machine(two, ownerTwo, Optional.of("10.93.1.12"));
        attach(owner, ServiceType.L2, List.of(one, two), List.of(ownerOne, ownerTwo));
        awaitReach(m1, m2, true, ROUTED_WITHIN);

        // The clashing service reaches site one as the core does it: clean up anything unrecorded, then attach.
        NetworkId other = network(one, "vni-l2-other", "10.93.2.0/24");
        one.dataPlane().detachUnrecorded(clashing);
        assertThatThrownBy(() -> one.dataPlane().attach(clashing, ServiceType.L2, other,
                RouteTarget.exportedBy(clashing, one.region()), Set.of()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already used");
        assertThat(reaches(m1, m2)).as("the owner's machines still talk after the refusal").isTrue();

        // L3: the same, with the L3 VNI and a router.
        NetworkId routedOne = network(one, "vni-l3-1", "10.93.3.0/24");
        NetworkId routedTwo = network(two, "vni-l3-2", "10.93.4.0/24");
        Machine r1 = machine(one, routedOne, Optional.empty());
        Machine r2 = machine(two, routedTwo, Optional.empty());
        attach(owner, ServiceType.L3, List.of(one, two), List.of(routedOne, routedTwo));
        awaitReach(r1, r2, true, ROUTED_WITHIN);
        NetworkId otherRouted = network(one, "vni-l3-other", "10.93.5.0/24");
        one.dataPlane().detachUnrecorded(clashing);
        assertThatThrownBy(() -> one.dataPlane().attach(clashing, ServiceType.L3, otherRouted,
                RouteTarget.exportedBy(clashing, one.region()), Set.of()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already used");
        assertThat(reaches(r1, r2)).as("the owner's routed machines still talk after the refusal").isTrue();
    }

    @Test
    void restoreRebuildsASiteWhoseFrrsRestartedAndRemovesWhatIsNotStored() {
        Site one = sites.get(0);
        Site two = sites.get(1);
        NetworkId c1 = network(one, "rs-c1", "10.93.1.0/24");
        NetworkId c2 = network(two, "rs-c2", "10.93.2.0/24");
        NetworkId x1 = network(one, "rs-x1", "10.94.0.0/24");
        NetworkId x2 = network(two, "rs-x2", "10.94.0.0/24");
        Machine mc1 = machine(one, c1, Optional.empty());
        Machine mc2 = machine(two, c2, Optional.empty());
        Machine mx1 = machine(one, x1, Optional.of("10.94.0.11"));
        Machine mx2 = machine(two, x2, Optional.of("10.94.0.12"));

        GlobalId routed = GlobalId.random();
        GlobalId extended = GlobalId.random();
        Map<Site, DataPlaneAttachment> l3 = attach(routed, ServiceType.L3, List.of(one, two), List.of(c1, c2));
        Map<Site, DataPlaneAttachment> l2 = attach(extended, ServiceType.L2, List.of(one, two), List.of(x1, x2));
        awaitReach(mc1, mc2, true, ROUTED_WITHIN);
        awaitReach(mx1, mx2, true, ROUTED_WITHIN);

        // Site 1's process restarts: its FRRs (the site's and its router's) start empty.
        List<FrrInstance> frrs = new ArrayList<>(one.linux().routers().frrs());
        frrs.add(one.linux().evpn().frr());
        FrrInstance.stopAll(frrs);
        awaitReach(mc1, mc2, false, CUT_WITHIN);
        awaitReach(mx1, mx2, false, CUT_WITHIN);
        long start = System.nanoTime();
        one.linux().start();
        one.dataPlane().restore(List.of(
                new StoredAttachment(routed, ServiceType.L3, c1, l3.get(one)),
                new StoredAttachment(extended, ServiceType.L2, x1, l2.get(one))));
        Duration routedAgain = awaitReach(mc1, mc2, true, ROUTED_WITHIN);
        awaitReach(mx1, mx2, true, ROUTED_WITHIN);
        Duration restored = Duration.ofNanos(System.nanoTime() - start);
        assertThat(one.linux().routers().vtep(ServiceVni.l3(routed))).as("the recorded VTEP is kept")
                .hasValue(l3.get(one).externalIds().get(3));

        // A store that holds nothing: the driver removes all it made.
        for (Site site : List.of(one, two)) {
            site.dataPlane().restore(List.of());
        }
        assertThat(reaches(mc1, mc2)).isFalse();
        assertThat(reaches(mx1, mx2)).isFalse();
        assertThat(routerNamespaces()).isEmpty();
        assertThat(routerFrrProcesses()).isEmpty();
        for (Site site : List.of(one, two)) {
            assertThat(net.listVxlans(site.settings().siteNamespace())).isEmpty();
            assertThat(site.linux().evpn().configuredVnis()).isEmpty();
            assertThat(net.listGatewayPorts(site.settings().siteNamespace())).isEmpty();
        }
        System.out.printf("[measured] L3 restore: site 1's FRRs restarted; routed ping back %d ms after start +"
                + " restore began, L2 and L3 both back within %d ms%n", routedAgain.toMillis(), restored.toMillis());
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Attaches {@code service} at each site with its network, as DIMINET does: each site exports its own
     * target and imports every other site's. Detached again after the test.
     */
    private Map<Site, DataPlaneAttachment> attach(GlobalId service, ServiceType type, List<Site> at, List<NetworkId> networks) {
        for (Site site : at) {
            afterEach.add(() -> site.dataPlane().detachUnrecorded(service));
        }
        Map<Site, DataPlaneAttachment> attachments = new LinkedHashMap<>();
        for (int i = 0; i < at.size(); i++) {
            Site site = at.get(i);
            Set<RouteTarget> imports = at.stream().filter(o -> o != site)
                    .map(o -> RouteTarget.exportedBy(service, o.region())).collect(Collectors.toSet());
            attachments.put(site, site.dataPlane().attach(service, type, networks.get(i),
                    RouteTarget.exportedBy(service, site.region()), imports));
        }
        return attachments;
    }

    /** A network with one subnet whose gateway is the CIDR's first address; removed after the test. */
    private NetworkId network(Site site, String name, String cidr) {
        Cidr block = Cidr.of(cidr);
        NetworkId id = site.vim().createNetworkWithSubnet(name, "demo",
                new SubnetSpec(block, block.defaultGateway(), List.of())).id();
        afterEach.add(() -> {
            site.vim().deleteNetwork(id);
            site.linux().followVim();
        });
        return id;
    }

    /** A compute port on {@code network} and its machine; removed after the test. */
    private Machine machine(Site site, NetworkId network, Optional<String> address) {
        PortView port = site.vim().ports().create(network.value(), Optional.empty(), "vm", "compute:nova", "vm",
                address.map(FixedIpRequest::address));
        afterEach.add(() -> {
            site.vim().ports().delete(port.id());
            site.linux().followVim();
        });
        site.linux().followVim();
        return new Machine(site.settings().machineNamespace(port.id()), port.fixedIps().getFirst().ipAddress(), port.id());
    }

    private boolean reaches(Machine from, Machine to) {
        return net.ping(from.namespace(), to.address(), 3, Duration.ofMillis(200), Duration.ofMillis(500)).received() > 0;
    }

    /** Pings once every ~200 ms until the answer is as wanted; returns how long that took. */
    private Duration awaitReach(Machine from, Machine to, boolean reachable, Duration within) {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        while (net.ping(from.namespace(), to.address(), 1, Duration.ofMillis(200), Duration.ofMillis(200))
                .allReceived() != reachable) {
            assertThat(System.nanoTime()).as("%s -> %s %s within %s", from.address(), to.address(),
                    reachable ? "answered" : "cut", within).isLessThan(deadline);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The route to {@code cidr} in a namespace's main table, as {@code ip route} prints it. */
    private Optional<String> route(String namespace, String cidr) {
        return net.routes(namespace).stream().filter(r -> r.startsWith(cidr + " ")).findFirst();
    }

    private static Set<RouteTarget> without(Set<RouteTarget> targets, RouteTarget gone) {
        return targets.stream().filter(t -> !t.equals(gone)).collect(Collectors.toSet());
    }

    private List<String> routerNamespaces() {
        return net.namespaces().list(prefix + "rt-");
    }

    /** FRR daemons of routers of this run: their pid file is under a site's FRR directory, in {@code l3-…}. */
    private List<ProcessHandle> routerFrrProcesses() {
        String root = "/tmp/" + prefix + "frr-";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> Stream.of(args)
                        .anyMatch(a -> a.startsWith(root) && a.contains("/" + LinuxSiteSettings.ROUTER_DIRECTORY_PREFIX)))
                        .orElse(false))
                .toList();
    }

    private Path frrDirectory(int n) {
        return Path.of("/tmp", prefix + "frr-" + n);
    }

    private synchronized void cleanUp() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Site site : sites) {
            attempt(failures, () -> site.linux().close());
        }
        sites.clear();
        for (int n = 1; n <= 3; n++) {
            Path dir = frrDirectory(n);
            attempt(failures, () -> FrrInstance.killLeftovers(dir));
            attempt(failures, () -> DirectoryTrees.delete(dir));
        }
        for (String namespace : net.namespaces().list()) {
            attempt(failures, () -> net.namespaces().delete(namespace));
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void attempt(List<RuntimeException> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }


    private static String randomBase36(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit(ThreadLocalRandom.current().nextInt(36), 36));
        }
        return s.toString();
    }
}
