package org.diminet.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The embedded-VIM networks the test itself made at each site, recorded before a scenario: for
 * {@link Convergence}, any other network at a site must belong to a service listed there, or it is an
 * orphan a failed operation left behind.
 */
public record Baseline(Map<String, Set<String>> networksByRegion) {
    public Baseline {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        networksByRegion.forEach((region, ids) -> copy.put(region, Set.copyOf(ids)));
        networksByRegion = Map.copyOf(copy);
    }

    /** Every network existing now at every site (all sites must answer). Take it before creating services. */
    public static Baseline record(ProcessCluster cluster) {
        Map<String, Set<String>> networks = new LinkedHashMap<>();
        for (String region : cluster.regions()) {
            Set<String> ids = new LinkedHashSet<>();
            for (JsonNode network : cluster.client(region).networks()) {
                ids.add(network.get("id").asText());
            }
            networks.put(region, ids);
        }
        return new Baseline(networks);
    }

    public static Baseline empty() {
        return new Baseline(Map.of());
    }

    public Set<String> at(String region) {
        return networksByRegion.getOrDefault(region, Set.of());
    }

    /** This baseline plus one more network the test made at {@code region}. */
    public Baseline with(String region, String networkId) {
        Map<String, Set<String>> copy = new LinkedHashMap<>(networksByRegion);
        Set<String> ids = new LinkedHashSet<>(at(region));
        ids.add(networkId);
        copy.put(region, ids);
        return new Baseline(copy);
    }

    /**
     * This baseline plus every network now at any site whose name starts with {@code prefix}: the networks
     * a test made itself, including those whose answer a fault lost (DIMINET names its own networks
     * {@code diminet-<global id>}, so they stay checked).
     */
    public Baseline plusNetworksNamed(ProcessCluster cluster, String prefix) {
        Baseline more = this;
        for (String region : cluster.regions()) {
            for (JsonNode network : cluster.client(region).networks()) {
                if (network.path("name").asText().startsWith(prefix)) {
                    more = more.with(region, network.get("id").asText());
                }
            }
        }
        return more;
    }
}
