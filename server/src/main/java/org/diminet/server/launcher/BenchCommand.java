package org.diminet.server.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.diminet.server.bench.BenchIdentity;
import org.diminet.server.bench.BenchOptions;
import org.diminet.server.bench.BenchOptions.Workload;
import org.diminet.server.bench.Benchmark;
import org.diminet.server.bench.LabAccess;
import org.diminet.server.bench.SiteProcesses;
import org.diminet.server.bench.SiteRunner;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code ./diminet bench}: the benchmark of bench/README.md (package org.diminet.server.bench). */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure DIMINET on sites started here (bench/README.md): creation latency against its floor"
                + " (latency), throughput of concurrent clients (concurrency), a site pair with 10,000 services (scale),"
                + " and beside the OpenStack lab, DIMINET next to the raw Neutron work (lab, with --lab-env).",
                "The default run (latency, 2..6 sites, 100 creates per point) takes a few minutes."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--workload", split = ",", paramLabel = "NAME",
            description = "latency, concurrency, scale, lab or all (comma-separated; default latency, or lab with"
                    + " --lab-env; all = the first three, and lab too with --lab-env)")
    List<String> workloads;

    @Option(names = "--sites", split = ",", defaultValue = "2,3,4,5,6", paramLabel = "N",
            description = "latency and lab: sites per request (default ${DEFAULT-VALUE}; the issue's full set: 2,3,4,5,6,10,25,50;"
                    + " beside the lab, those from 2 to the lab's regions, at most 5)")
    List<Integer> sites;

    @Option(names = "--max-sites", paramLabel = "N", description = "the same as --sites 2,3,..,N (older option)")
    Integer maxSites;

    @Option(names = "--repeat", defaultValue = "100", description = "latency: measured creates per point (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--warmup", defaultValue = "20", description = "latency: unmeasured creates before each point (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--cluster-warmup", defaultValue = "200", description = "unmeasured creates once a cluster has"
            + " started, so that the sites' JIT has compiled what is measured (default ${DEFAULT-VALUE})")
    int clusterWarmup;

    @Option(names = "--rtt", split = ",", defaultValue = "0ms", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "latency: round trip injected between sites, e.g. 20ms; several values run every point for each"
                    + " (default ${DEFAULT-VALUE})")
    List<Duration> roundTrips;

    @Option(names = "--vim-latency", defaultValue = "0ms", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "latency of every embedded VIM call DIMINET makes (diminet.embedded-vim.latency; default ${DEFAULT-VALUE})")
    Duration vimLatency;

    @Option(names = "--concurrency-sites", defaultValue = "20", description = "concurrency: sites (default ${DEFAULT-VALUE})")
    int concurrencySites;

    @Option(names = "--clients", defaultValue = "16", description = "concurrency: clients (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--group", defaultValue = "3", description = "concurrency: sites per service (default ${DEFAULT-VALUE})")
    int group;

    @Option(names = "--ops", defaultValue = "4000", description = "concurrency: operations in all (default ${DEFAULT-VALUE})")
    int ops;

    @Option(names = "--masters", split = ",", defaultValue = "0,1", paramLabel = "M",
            description = "concurrency: the first M sites are the masters of every service, 0: any site; one run per value"
                    + " (default ${DEFAULT-VALUE}: any site, then a single master)")
    List<Integer> masters;

    @Option(names = "--services", defaultValue = "10000", description = "scale: services stored at the site pair (default ${DEFAULT-VALUE})")
    int services;

    @Option(names = "--scale-clients", defaultValue = "4", description = "scale: clients creating them (default ${DEFAULT-VALUE})")
    int scaleClients;

    @Option(names = "--processes", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "each site its own JVM (default); --no-processes: all sites in this JVM, the quick mode")
    boolean processes;

    @Option(names = "--site-jvm-options", paramLabel = "OPTIONS",
            description = "JVM options of each site process (default: -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
                    + " -Xss256k -XX:ReservedCodeCacheSize=48m)")
    String siteJvmOptions;

    @Option(names = "--site-setting", paramLabel = "KEY=VALUE", description = "a setting of every site; repeat for more")
    Map<String, String> siteSettings = new LinkedHashMap<>();

    @Option(names = "--log-phases", description = "let sites log every phase of every create (org.diminet.phases at INFO;"
            + " the benchmark sets it to WARN otherwise: the phase timers tell the same)")
    boolean logPhases;

    @Option(names = "--parallel-starts", description = "sites started at once (default: the number of cores)")
    Integer parallelStarts;

    @Option(names = "--work-dir", description = "where the sites' directories go (default: a new temporary directory)")
    Path workDir;

    @Option(names = "--keep", description = "keep the sites' data and logs after the run")
    boolean keep;

    @Option(names = "--postgres", paramLabel = "JDBC_URL", description = "each site's store in a schema of its own in this"
            + " PostgreSQL database (user postgres, e.g. jdbc:postgresql://127.0.0.1:5432/test) instead of an H2 file;"
            + " the schemas are dropped after the run unless --keep")
    String postgres;

    @Option(names = "--lab-env", description = "the OpenStack lab's env file (lab/.state/env): with --workload lab, DIMINET"
            + " beside the lab's Keystone and Neutrons next to the raw Neutron work, for 2..5 regions")
    Path labEnv;

    @Override
    public Integer call() throws Exception {
        Set<Workload> chosen = EnumSet.noneOf(Workload.class);
        if (workloads == null || workloads.isEmpty()) {
            workloads = List.of(labEnv == null ? "latency" : "lab");
        }
        for (String name : workloads) {
            switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "all" -> {
                    chosen.addAll(List.of(Workload.LATENCY, Workload.CONCURRENCY, Workload.SCALE));
                    if (labEnv != null) {
                        chosen.add(Workload.LAB);
                    }
                }
                case "latency" -> chosen.add(Workload.LATENCY);
                case "concurrency" -> chosen.add(Workload.CONCURRENCY);
                case "scale" -> chosen.add(Workload.SCALE);
                case "lab" -> chosen.add(Workload.LAB);
                default -> {
                    System.err.println("diminet bench: unknown workload '" + name + "' (latency, concurrency, scale, lab, all)");
                    return 2;
                }
            }
        }
        if (chosen.contains(Workload.LAB) && labEnv == null) {
            System.err.println("diminet bench: --workload lab needs --lab-env lab/.state/env (the lab must be up: lab/up)");
            return 2;
        }
        if (maxSites != null) {
            sites = IntStream.rangeClosed(2, maxSites).boxed().toList();
        }
        if (sites.stream().anyMatch(n -> n < 2) || repeat < 1 || warmup < 0 || group < 2 || clients < 1
                || concurrencySites < group || services < 1 || masters.stream().anyMatch(m -> m < 0)) {
            System.err.println("diminet bench: sites per request >= 2, --repeat >= 1, --group >= 2 and <= --concurrency-sites");
            return 2;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("logging.level.org.diminet.phases", logPhases ? "INFO" : "WARN");
        settings.putAll(siteSettings);
        boolean temporary = workDir == null;
        Path dir = temporary ? Files.createTempDirectory("diminet-bench-") : Files.createDirectories(workDir);
        BenchOptions options = new BenchOptions(sites, repeat, warmup, clusterWarmup, roundTrips, vimLatency, chosen, concurrencySites,
                clients, group, ops, masters, services, scaleClients, settings,
                parallelStarts != null ? parallelStarts : Runtime.getRuntime().availableProcessors(), keep, dir, java.util.Optional.ofNullable(postgres));
        SiteRunner runner = processes
                ? new SiteProcesses(DiminetMain.class.getName(), siteJvmOptions == null
                        ? SiteProcesses.DEFAULT_JVM_OPTIONS : List.of(siteJvmOptions.trim().split("\\s+")))
                : new InProcessSites();
        try {
            Benchmark benchmark = new Benchmark(options, runner, BenchCommand::embeddedIdentity, System.out);
            benchmark.run(chosen.contains(Workload.LAB)
                    ? java.util.Optional.of(labAccess(LabSettings.read(labEnv))) : java.util.Optional.empty());
            return 0;
        } finally {
            if (temporary && !keep) {
                FileSystemUtils.deleteRecursively(dir);
            }
        }
    }

    /** The embedded identity of a group of benchmark sites: a shared signing key, an admin, a service user per site. */
    static BenchIdentity embeddedIdentity(List<String> regions) {
        LocalIdentity identity = LocalIdentity.generate(regions);
        Map<String, String> settings = new LinkedHashMap<>();
        identity.settings().forEach((key, value) -> settings.put(key, String.valueOf(value)));
        String token = identity.tokenFor(LocalIdentity.ADMIN);
        return new BenchIdentity() {
            @Override
            public Map<String, String> siteSettings() {
                return settings;
            }

            @Override
            public String adminToken() {
                return token;
            }
        };
    }

    /** The lab's regions, DIMINET ports, site settings and admin credentials, from its env file. */
    static LabAccess labAccess(Map<String, String> lab) {
        List<DemoCommand.DemoSite> plan = LabSettings.plan(lab, Path.of("unused"));
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, DemoCommand.DemoSite> sites = new LinkedHashMap<>();
        for (DemoCommand.DemoSite site : plan) {
            ports.put(site.region(), site.port());
            sites.put(site.region(), site);
        }
        return new LabAccess(plan.stream().map(DemoCommand.DemoSite::region).toList(), ports, region -> {
            Map<String, String> settings = new LinkedHashMap<>();
            LabSettings.siteSettings(lab, sites.get(region)).forEach((key, value) -> settings.put(key, String.valueOf(value)));
            settings.remove("server.port"); // the benchmark's cluster sets port and data directory itself
            settings.remove("diminet.data-dir");
            return settings;
        }, URI.create(lab.get("OS_AUTH_URL")), lab.get("OS_USERNAME"), lab.get("OS_PASSWORD"),
                lab.getOrDefault("OS_PROJECT_NAME", "admin"));
    }

    /** Durations as 20ms, 1.5s, 2m or a bare number of milliseconds. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.endsWith("ms")) {
                    return Duration.ofNanos(Math.round(Double.parseDouble(v.substring(0, v.length() - 2)) * 1e6));
                }
                if (v.endsWith("s")) {
                    return Duration.ofNanos(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1e9));
                }
                if (v.endsWith("m")) {
                    return Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
                }
                return Duration.ofNanos(Math.round(Double.parseDouble(v) * 1e6));
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("not a duration: '" + value + "' (e.g. 20ms, 1s)");
            }
        }
    }
}
