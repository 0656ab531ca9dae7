package org.diminet.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What must hold across the sites once faults are over, whatever the scenario did: the test calls
 * {@link #await} after healing the network and restarting the killed sites. Each violation is one
 * line naming the site(s), the service and what is wrong:
 *
 * <ul>
 *   <li>every site answers, and every service at every site is {@code ACTIVE} (no CREATING,
 *       UPDATING, DELETING, DEGRADED, FAILED left behind);</li>
 *   <li>membership: a service listed at any site is listed at every region of its resources and at no
 *       other; all sites that list it agree on its regions, master, type and each region's network;
 *       each site's own network of the service exists in its VIM;</li>
 *   <li>L2: at each site the service's network has subnets with allocation pools and the same CIDR
 *       as elsewhere; pools of different sites are pairwise disjoint; no address is held by ports at
 *       two sites, and no port holds an address inside another site's pool;</li>
 *   <li>no orphans: every network of a site's VIM is in the {@link Baseline} or is that site's network
 *       of a service listed there.</li>
 * </ul>
 */
public final class Convergence {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Set<String> SETTLED = Set.of("ACTIVE");

    private Convergence() {
    }

    /**
     * Polls until {@link #check} finds nothing, or fails with every violation of the last reading.
     *
     * @return how long it took
     */
    public static Duration await(ProcessCluster cluster, Duration timeout, Baseline baseline) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            List<String> violations = check(cluster, baseline);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (violations.isEmpty()) {
                return took;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the sites did not converge within " + timeout + " (" + violations.size()
                        + " violation(s) at the last check):\n  - " + String.join("\n  - ", violations));
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted; violations: " + violations, e);
            }
        }
    }

    /** Reads every site once and returns what violates convergence (empty when all holds). */
    public static List<String> check(ProcessCluster cluster, Baseline baseline) {
        return check(ClusterState.read(cluster), baseline);
    }

    static List<String> check(ClusterState state, Baseline baseline) {
        List<String> violations = new ArrayList<>();
        state.sites.values().stream().filter(site -> !site.readable())
                .forEach(site -> violations.add("[" + site.region() + "] cannot be read: " + site.error()));
        // global id -> (region -> that region's view of the service)
        Map<String, Map<String, JsonNode>> views = new TreeMap<>();
        for (ClusterState.Site site : state.sites.values()) {
            for (JsonNode service : site.services()) {
                views.computeIfAbsent(service.path("global_id").asText(), id -> new TreeMap<>())
                        .put(site.region(), service);
            }
        }
        views.forEach((id, byRegion) -> checkService(state, id, byRegion, violations));
        state.sites.values().stream().filter(ClusterState.Site::readable)
                .forEach(site -> checkOrphans(site, baseline, violations));
        return violations;
    }

    private static void checkService(ClusterState state, String id, Map<String, JsonNode> views, List<String> out) {
        JsonNode any = views.values().iterator().next();
        String label = "service " + id + " (" + any.path("name").asText() + ", " + any.path("type").asText() + ")";
        views.forEach((region, view) -> {
            String s = view.path("state").asText();
            if (!SETTLED.contains(s)) {
                out.add("[" + region + "] " + label + " is " + s + ", expected ACTIVE");
            }
        });

        Map<String, Set<String>> regionsByView = new TreeMap<>();
        views.forEach((region, view) -> regionsByView.put(region, regionsOf(view)));
        if (new HashSet<>(regionsByView.values()).size() > 1) {
            out.add(label + ": sites disagree on its regions: " + regionsByView);
        }
        agree(label, "master", views, view -> view.path("master").asText(), out);
        agree(label, "type", views, view -> view.path("type").asText(), out);

        Set<String> named = new TreeSet<>();
        regionsByView.values().forEach(named::addAll);
        for (String region : named) {
            ClusterState.Site site = state.sites.get(region);
            if (site == null) {
                out.add(label + ": names region " + region + ", which is not in the cluster");
            } else if (site.readable() && !views.containsKey(region)) {
                out.add("[" + region + "] " + label + " is not listed, although " + listers(regionsByView, region)
                        + " list(s) " + region + " among its regions");
            }
            agree(label, region + "'s network", views,
                    view -> Objects.requireNonNullElse(SiteClient.networkOf(view, region), "none"), out);
        }
        views.forEach((region, view) -> {
            if (!regionsByView.get(region).contains(region)) {
                out.add("[" + region + "] lists " + label + " but is not among its regions "
                        + regionsByView.get(region));
                return;
            }
            String network = SiteClient.networkOf(view, region);
            if (network == null) {
                out.add("[" + region + "] " + label + " has no network of its own");
            } else if (state.sites.get(region).network(network).isEmpty()) {
                out.add("[" + region + "] " + label + " names network " + network
                        + " of its own, which does not exist in the VIM");
            }
        });
        if ("L2".equals(any.path("type").asText())) {
            checkL2(state, label, views, out);
        }
    }

    private static void checkL2(ClusterState state, String label, Map<String, JsonNode> views, List<String> out) {
        Map<String, List<IPAddressSeqRange>> pools = new TreeMap<>();
        Map<String, Set<String>> cidrs = new TreeMap<>();
        Map<String, Set<String>> holders = new TreeMap<>(); // address -> regions whose ports hold it
        views.forEach((region, view) -> {
            ClusterState.Site site = state.sites.get(region);
            String network = SiteClient.networkOf(view, region);
            if (network == null || site.network(network).isEmpty()) {
                return; // reported by checkService
            }
            List<JsonNode> subnets = site.subnetsOf(network);
            if (subnets.isEmpty()) {
                out.add("[" + region + "] " + label + ": network " + network + " has no subnet");
            }
            List<IPAddressSeqRange> sitePools = new ArrayList<>();
            for (JsonNode subnet : subnets) {
                cidrs.computeIfAbsent(region, r -> new TreeSet<>()).add(subnet.path("cidr").asText());
                if (subnet.path("allocation_pools").isEmpty()) {
                    out.add("[" + region + "] " + label + ": subnet " + subnet.path("id").asText()
                            + " has no allocation pool");
                }
                for (JsonNode pool : subnet.path("allocation_pools")) {
                    IPAddress start = address(pool.path("start").asText());
                    IPAddress end = address(pool.path("end").asText());
                    if (start == null || end == null || start.getIPVersion() != end.getIPVersion()) {
                        out.add("[" + region + "] " + label + ": unreadable pool " + pool);
                    } else {
                        sitePools.add(start.spanWithRange(end));
                    }
                }
            }
            pools.put(region, sitePools);
            for (JsonNode port : site.portsOn(network)) {
                for (JsonNode ip : port.path("fixed_ips")) {
                    holders.computeIfAbsent(ip.path("ip_address").asText(), a -> new TreeSet<>()).add(region);
                }
            }
        });
        if (new HashSet<>(cidrs.values()).size() > 1) {
            out.add(label + ": the sites' CIDRs differ: " + cidrs);
        }
        List<String> regions = new ArrayList<>(pools.keySet());
        for (int i = 0; i < regions.size(); i++) {
            for (int j = i + 1; j < regions.size(); j++) {
                for (IPAddressSeqRange a : pools.get(regions.get(i))) {
                    for (IPAddressSeqRange b : pools.get(regions.get(j))) {
                        if (a.overlaps(b)) {
                            out.add(label + ": pools overlap: " + regions.get(i) + " " + a + " and "
                                    + regions.get(j) + " " + b);
                        }
                    }
                }
            }
        }
        holders.forEach((address, regionsHolding) -> {
            if (regionsHolding.size() > 1) {
                out.add(label + ": address " + address + " is held by ports at " + regionsHolding);
            }
            IPAddress ip = address(address);
            if (ip == null) {
                return;
            }
            pools.forEach((poolRegion, sitePools) -> {
                if (!regionsHolding.contains(poolRegion)) {
                    sitePools.stream().filter(p -> p.getLower().getIPVersion() == ip.getIPVersion() && p.contains(ip))
                            .forEach(p -> out.add(label + ": address " + address + " of a port at " + regionsHolding
                                    + " lies in " + poolRegion + "'s pool " + p));
                }
            });
        });
    }

    private static void checkOrphans(ClusterState.Site site, Baseline baseline, List<String> out) {
        Set<String> owned = new HashSet<>();
        for (JsonNode service : site.services()) {
            String network = SiteClient.networkOf(service, site.region());
            if (network != null) {
                owned.add(network);
            }
        }
        for (JsonNode network : site.networks()) {
            String id = network.path("id").asText();
            if (!baseline.at(site.region()).contains(id) && !owned.contains(id)) {
                String subnetCidrs = site.subnetsOf(id).stream().map(s -> s.path("cidr").asText())
                        .collect(Collectors.joining(", "));
                out.add("[" + site.region() + "] orphan network " + id + " '" + network.path("name").asText() + "' ("
                        + subnetCidrs + "): not in the baseline and no service listed there uses it");
            }
        }
    }

    private static Set<String> regionsOf(JsonNode service) {
        Set<String> regions = new TreeSet<>();
        service.path("resources").forEach(r -> regions.add(r.path("region").asText()));
        return regions;
    }

    private static void agree(String label, String what, Map<String, JsonNode> views,
                              java.util.function.Function<JsonNode, String> value, List<String> out) {
        Map<String, String> values = new LinkedHashMap<>();
        views.forEach((region, view) -> values.put(region, value.apply(view)));
        if (new HashSet<>(values.values()).size() > 1) {
            out.add(label + ": sites disagree on " + what + ": " + values);
        }
    }

    private static String listers(Map<String, Set<String>> regionsByView, String region) {
        return regionsByView.entrySet().stream().filter(e -> e.getValue().contains(region)).map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
    }

    private static IPAddress address(String text) {
        return new IPAddressString(text).getAddress();
    }
}
