package org.diminet.server.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to run ({@code ./diminet bench --help} explains each option).
 *
 * @param sites            latency: sites per request, e.g. 2..6 (the paper's table), 10, 25, 50
 * @param repeat           latency: measured creates per point
 * @param warmup           latency: unmeasured creates before each point
 * @param clusterWarmup    latency and scale: unmeasured creates over all the sites of a cluster once it has started
 * @param roundTrips       latency: the round trips to inject between sites, one run of every point per value
 * @param vimLatency       each embedded VIM call's injected latency
 * @param workloads        which parts to run
 * @param concurrencySites concurrency: sites
 * @param clients          concurrency: clients, each waiting for its answer before its next request
 * @param groupSize        concurrency: sites per service
 * @param ops              concurrency: operations in all (creates, updates, deletes and the provoked conflicts)
 * @param masters          concurrency: one run per value: how many sites act as masters (the first ones); 0 = every site
 * @param scaleServices    scale: services to store at the site pair
 * @param scaleClients     scale: clients that create them
 * @param siteSettings     extra settings of every site (they win over the benchmark's)
 * @param parallelStarts   sites started at once
 * @param keep             keep the sites' files (data, logs) after the run
 * @param workDir          where the sites' directories go
 * @param postgres         a PostgreSQL JDBC URL: each site's store in a schema of its own there instead of an H2 file
 */
public record BenchOptions(List<Integer> sites, int repeat, int warmup, int clusterWarmup, List<Duration> roundTrips, Duration vimLatency,
                           Set<Workload> workloads, int concurrencySites, int clients, int groupSize, int ops,
                           List<Integer> masters, int scaleServices, int scaleClients, Map<String, String> siteSettings,
                           int parallelStarts, boolean keep, Path workDir, java.util.Optional<String> postgres) {

    public enum Workload { LATENCY, CONCURRENCY, SCALE, LAB }

    public BenchOptions {
        sites = List.copyOf(sites);
        roundTrips = List.copyOf(roundTrips);
        masters = List.copyOf(masters);
        workloads = Set.copyOf(workloads);
        siteSettings = Map.copyOf(siteSettings);
    }
}
