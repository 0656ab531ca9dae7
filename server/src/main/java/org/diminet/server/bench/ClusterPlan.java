package org.diminet.server.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What sites a {@link BenchCluster} starts and how.
 *
 * @param regions        the sites' region names, the first the master of the benchmark's services
 * @param fixedPorts     the port of a region when it must be that one (the lab's catalog names it); others get a free one
 * @param wirePeers      set {@code diminet.peers.*} so each site knows the others (through their delay
 *                       proxies when {@code roundTrip} is above zero); false beside the lab (Keystone's
 *                       catalog names the peers)
 * @param roundTrip      the round trip added between sites (not between the benchmark and a site)
 * @param siteSettings   each region's own settings (identity, VIM, lab); the cluster adds port, data
 *                       directory and peers, and the benchmark's own ({@code diminet.auth.rate-limit=0})
 * @param parallelStarts how many sites start at once (each start is a few CPU-seconds of a busy JVM)
 * @param startTimeout   how long a site may take to answer {@code /api/health}
 */
public record ClusterPlan(List<String> regions, Map<String, Integer> fixedPorts, boolean wirePeers, Duration roundTrip,
                          Function<String, Map<String, String>> siteSettings, int parallelStarts,
                          Duration startTimeout) {
    public ClusterPlan {
        regions = List.copyOf(regions);
        fixedPorts = Map.copyOf(fixedPorts);
        if (regions.size() < 2) {
            throw new IllegalArgumentException("a benchmark needs at least two sites, not " + regions.size());
        }
        parallelStarts = Math.max(1, parallelStarts);
    }

    /** Region names for {@code count} sites: RegionOne … RegionTen as the lab names them, then Region11 …. */
    public static List<String> regionNames(int count) {
        String[] names = {"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"};
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> "Region" + (i < names.length ? names[i] : String.valueOf(i + 1))).toList();
    }
}
