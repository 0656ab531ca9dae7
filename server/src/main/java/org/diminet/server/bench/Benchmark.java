package org.diminet.server.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs the chosen workloads on clusters of sites it starts and stops, and prints their tables. The
 * latency points share clusters: one of six sites for the paper's 2..6 (the sites a request does not
 * name stay idle), one per larger size.
 */
public final class Benchmark {
    /** Sizes up to this share one cluster. */
    static final int SHARED_CLUSTER_MAX = 6;

    private final BenchOptions options;
    private final SiteRunner runner;
    private final BenchIdentity.Factory identities;
    private final PrintStream out;
    private final BenchClient client = new BenchClient(null, Duration.ofSeconds(60));
    private final Cidrs cidrs = new Cidrs();
    /** The sites' stores on PostgreSQL (--postgres), or null: each site's H2 file. */
    private final PostgresStores postgres;

    public Benchmark(BenchOptions options, SiteRunner runner, BenchIdentity.Factory identities, PrintStream out) {
        this.options = options;
        this.runner = runner;
        this.identities = identities;
        this.out = out;
        this.postgres = options.postgres().map(url -> new PostgresStores(url, "postgres", options.keep())).orElse(null);
    }

    public void run() {
        run(java.util.Optional.empty());
    }

    /** Runs the chosen workloads, and part 4 beside the lab when {@code lab} is given, between the two load lines. */
    public void run(java.util.Optional<LabAccess> lab) {
        long start = System.nanoTime();
        out.println("DIMINET benchmark on " + Machine.describe());
        out.println("load average at start: " + Machine.loadAverage() + "; sites: "
                + (runner.separateProcesses() ? "one JVM each" : "all in this JVM") + "; VIM latency "
                + options.vimLatency().toMillis() + " ms; stores: " + (postgres == null ? "H2 files"
                : "PostgreSQL at " + options.postgres().orElseThrow()));
        try {
            runWorkloads();
            lab.ifPresent(this::lab);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
        out.printf("%nload average at the end: %s; the run took %.0f s%n", Machine.loadAverage(),
                (System.nanoTime() - start) / 1e9);
    }

    private void runWorkloads() {
        if (options.workloads().contains(BenchOptions.Workload.LATENCY)) {
            for (Duration rtt : options.roundTrips()) {
                latency(rtt);
            }
        }
        if (options.workloads().contains(BenchOptions.Workload.CONCURRENCY)) {
            for (int masters : options.masters()) {
                concurrency(masters);
            }
        }
        if (options.workloads().contains(BenchOptions.Workload.SCALE)) {
            scale();
        }
    }

    // --- part 1 -----------------------------------------------------------------------------------

    private void latency(Duration rtt) {
        out.printf("%n== Creation latency, %d creates per point after %d unmeasured, %d ms round trip between"
                        + " sites, VIM latency %d ms%n", options.repeat(), options.warmup(), rtt.toMillis(),
                options.vimLatency().toMillis());
        List<LatencyWorkload.Point> points = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> group : clusterGroups(options.sites()).entrySet()) {
            try (BenchCluster cluster = startCluster("latency", group.getKey(), rtt);
                 Networks networks = new Networks(client, cidrs)) {
                measureGroup(cluster, networks, group, points);
            } catch (RuntimeException e) {
                // One cluster that cannot keep up (or start) does not cost the points already measured.
                out.println("the " + group.getKey() + "-site cluster failed: " + e.getMessage());
                out.flush();
            }
        }
        LatencyTables.print(points, rtt, options, out);
    }

    private void measureGroup(BenchCluster cluster, Networks networks, Map.Entry<Integer, List<Integer>> group,
                              List<LatencyWorkload.Point> points) {
        LatencyWorkload workload = new LatencyWorkload(client, networks, options.repeat(), options.warmup(),
                options.vimLatency().toNanos() / 1e6, out);
        workload.warmUp(cluster, group.getKey(), warmupRounds(group.getKey()));
        out.println(idleLoad(cluster));
        for (String type : List.of("L3", "L2")) {
            for (int n : group.getValue()) {
                points.add(workload.measure(cluster, type, n));
            }
        }
        out.println("after the points" + residentMemory(cluster).replaceFirst("^;", ":"));
    }

    /**
     * The cluster's warm-up: {@code --cluster-warmup} creates up to six sites; on larger clusters, where
     * every site takes part in every create, fewer (in proportion, at least 40).
     */
    int warmupRounds(int size) {
        return size <= SHARED_CLUSTER_MAX ? options.clusterWarmup()
                : Math.max(Math.min(40, options.clusterWarmup()), options.clusterWarmup() * SHARED_CLUSTER_MAX / size);
    }

    /**
     * What the sites cost when nobody asks them anything (peer probes every few seconds, the reconciler):
     * their CPU over ten seconds, in cores.
     */
    static String idleLoad(BenchCluster cluster) {
        if (!cluster.separateProcesses()) {
            return "idle load: not measured (the sites share this JVM)";
        }
        long before = cpu(cluster);
        long start = System.nanoTime();
        try {
            Thread.sleep(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double cores = (cpu(cluster) - before) / ((System.nanoTime() - start) / 1e6);
        return String.format("idle load of the %d sites (probes, reconciler): %.2f cores", cluster.regions().size(), cores);
    }

    private static long cpu(BenchCluster cluster) {
        return cluster.regions().stream().map(cluster::pid).filter(java.util.OptionalLong::isPresent)
                .mapToLong(pid -> Machine.cpuMillis(pid.getAsLong()).orElse(0)).sum();
    }

    /** Cluster size → the sizes measured on it. */
    static Map<Integer, List<Integer>> clusterGroups(List<Integer> sizes) {
        TreeSet<Integer> sorted = new TreeSet<>(sizes);
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        List<Integer> small = sorted.headSet(SHARED_CLUSTER_MAX, true).stream().toList();
        if (!small.isEmpty()) {
            groups.put(small.getLast(), small);
        }
        sorted.tailSet(SHARED_CLUSTER_MAX, false).forEach(size -> groups.put(size, List.of(size)));
        return groups;
    }

    // --- part 2 -----------------------------------------------------------------------------------

    private void concurrency(int masters) {
        out.printf("%n== Concurrency: %d sites, %d clients, random groups of %d, %d operations, masters: %s%n",
                options.concurrencySites(), options.clients(), options.groupSize(), options.ops(),
                masters == 0 ? "any site" : "the first " + masters);
        try (BenchCluster cluster = startCluster("concurrency", options.concurrencySites(), Duration.ZERO);
             Networks networks = new Networks(client, cidrs)) {
            out.println(idleLoad(cluster));
            ConcurrencyWorkload workload = new ConcurrencyWorkload(client, networks, out);
            ConcurrencyReport.print(workload.run(cluster, options.clients(), options.groupSize(), options.ops(), masters,
                    42), out);
        }
    }

    // --- part 3 -----------------------------------------------------------------------------------

    private void scale() {
        out.printf("%n== Scale: a site pair with %,d services, %d clients loading them%n", options.scaleServices(),
                options.scaleClients());
        try (BenchCluster cluster = startCluster("scale", 2, Duration.ZERO);
             Networks networks = new Networks(client, cidrs)) {
            LatencyWorkload latency = new LatencyWorkload(client, networks, options.repeat(), options.warmup(),
                    options.vimLatency().toNanos() / 1e6, out);
            latency.warmUp(cluster, 2, options.clusterWarmup());
            ScaleReport.print(new ScaleWorkload(client, networks, latency, out, this::storeBytes, postgres == null ? "H2 file" : "PostgreSQL")
                    .run(cluster, options.scaleServices(), options.scaleClients()), out);
        }
    }

    // --- part 4 -----------------------------------------------------------------------------------

    /**
     * Beside the OpenStack lab: sites on the lab's regions (at most five, at the ports its catalog names),
     * DIMINET's creates next to the raw Neutron work, for 2..5 regions.
     */
    private void lab(LabAccess lab) {
        int size = Math.min(5, lab.regions().size());
        List<String> regions = lab.regions().subList(0, size);
        out.printf("%n== Beside the OpenStack lab (%s): DIMINET next to the raw Neutron work, %d rounds per point%n",
                lab.authUrl(), options.repeat());
        var session = new org.diminet.openstack.keystone.KeystoneSession(
                org.diminet.openstack.keystone.KeystoneCredentials.inDefaultDomain(lab.authUrl(), lab.username(),
                        lab.password(), lab.project()),
                org.diminet.openstack.keystone.KeystoneOptions.defaults());
        client.token(session.token());
        Map<String, org.diminet.openstack.neutron.NeutronClient> neutrons = new LinkedHashMap<>();
        regions.forEach(r -> neutrons.put(r, new org.diminet.openstack.neutron.NeutronClient(session, LabWorkload.region(r))));
        Map<String, Integer> ports = new LinkedHashMap<>();
        regions.forEach(r -> ports.put(r, lab.ports().get(r)));
        ClusterPlan plan = new ClusterPlan(regions, ports, false, Duration.ZERO, region -> {
            Map<String, String> settings = new LinkedHashMap<>(lab.siteSettings().apply(region));
            settings.putAll(options.siteSettings());
            return settings;
        }, options.parallelStarts(), Duration.ofMinutes(5));
        Path root = options.workDir().resolve("lab-" + System.nanoTime());
        List<LabWorkload.Point> points = new ArrayList<>();
        try (BenchCluster cluster = BenchCluster.start(plan, runner, root, options.keep())) {
            LabWorkload workload = new LabWorkload(client, neutrons, options.repeat(), out);
            for (String type : List.of("L3", "L2")) {
                for (int n = 2; n <= size; n++) {
                    if (options.sites().contains(n)) {
                        points.add(workload.measure(cluster, type, n));
                    }
                }
            }
        }
        LabReport.print(points, out);
    }

    // --- sites ------------------------------------------------------------------------------------

    BenchCluster startCluster(String purpose, int size, Duration rtt) {
        List<String> regions = ClusterPlan.regionNames(size);
        BenchIdentity identity = identities.forRegions(regions);
        client.token(identity.adminToken());
        Map<String, String> settings = new LinkedHashMap<>(identity.siteSettings());
        if (!options.vimLatency().isZero()) {
            settings.put("diminet.embedded-vim.latency", options.vimLatency().toMillis() + "ms");
        }
        settings.putAll(options.siteSettings());
        ClusterPlan plan = new ClusterPlan(regions, Map.of(), true, rtt, region -> withStore(region, settings), options.parallelStarts(),
                Duration.ofMinutes(5));
        Path root = options.workDir().resolve(purpose + "-" + size + "-sites-" + rtt.toMillis() + "ms-" + System.nanoTime());
        out.printf("starting %d sites (%s)...%n", size, runner.separateProcesses() ? "one JVM each" : "in this JVM");
        out.flush();
        long start = System.nanoTime();
        BenchCluster cluster = BenchCluster.start(plan, runner, root, options.keep());
        double[] starts = cluster.startMillis().values().stream().mapToDouble(Long::doubleValue).toArray();
        Percentiles p = Percentiles.of(starts);
        out.printf("started in %.1f s (each site: median %.1f s, slowest %.1f s, %d at once)%s%n",
                (System.nanoTime() - start) / 1e9, p.p50() / 1000, p.max() / 1000, options.parallelStarts(),
                residentMemory(cluster));
        return cluster;
    }

    /** Every site's settings, plus where its store is when that is PostgreSQL. */
    private Map<String, String> withStore(String region, Map<String, String> settings) {
        if (postgres == null) {
            return settings;
        }
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(postgres.settingsOf(region));
        return all;
    }

    /** Bytes of {@code region}'s store: its H2 files, or its schema on PostgreSQL. */
    long storeBytes(BenchCluster cluster, String region) {
        return postgres == null ? ScaleWorkload.size(cluster.dataDir(region), "diminet") : postgres.bytesOf(region);
    }

    /** "; resident memory: … in all, median … per site" when each site has its own process. */
    static String residentMemory(BenchCluster cluster) {
        if (!cluster.separateProcesses()) {
            return "";
        }
        double[] mib = cluster.regions().stream().map(cluster::pid).filter(java.util.OptionalLong::isPresent)
                .map(pid -> Machine.residentBytes(pid.getAsLong())).filter(java.util.OptionalLong::isPresent)
                .mapToDouble(rss -> rss.getAsLong() / 1024.0 / 1024.0).toArray();
        Percentiles p = Percentiles.of(mib);
        return String.format("; resident memory %.1f GiB in all, median %.0f MiB per site, largest %.0f MiB",
                java.util.Arrays.stream(mib).sum() / 1024, p.p50(), p.max());
    }
}
