package org.diminet.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One reading of what every site says: its services (North API) and its embedded VIM's networks,
 * subnets and ports (Neutron API), read in parallel with short timeouts so that a down site shows
 * up as an error quickly instead of stalling {@link Convergence}.
 */
final class ClusterState {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    /** One site's answers, or why it could not be read. */
    record Site(String region, String error, List<JsonNode> services, List<JsonNode> networks,
                List<JsonNode> subnets, List<JsonNode> ports) {
        boolean readable() {
            return error == null;
        }

        Optional<JsonNode> service(String globalId) {
            return services.stream().filter(s -> globalId.equals(s.path("global_id").asText())).findFirst();
        }

        Optional<JsonNode> network(String id) {
            return networks.stream().filter(n -> id.equals(n.path("id").asText())).findFirst();
        }

        List<JsonNode> subnetsOf(String networkId) {
            return subnets.stream().filter(s -> networkId.equals(s.path("network_id").asText())).toList();
        }

        List<JsonNode> portsOn(String networkId) {
            return ports.stream().filter(p -> networkId.equals(p.path("network_id").asText())).toList();
        }
    }

    final Map<String, Site> sites;

    private ClusterState(Map<String, Site> sites) {
        this.sites = sites;
    }

    /** A state put together by hand, for testing the checks themselves. */
    static ClusterState of(List<Site> sites) {
        Map<String, Site> byRegion = new LinkedHashMap<>();
        sites.forEach(site -> byRegion.put(site.region(), site));
        return new ClusterState(byRegion);
    }

    static ClusterState read(ProcessCluster cluster) {
        Map<String, Future<Site>> reads = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String region : cluster.regions()) {
                SiteClient client = cluster.client(region).withTimeout(READ_TIMEOUT);
                reads.put(region, pool.submit(() -> readSite(client)));
            }
        }
        Map<String, Site> sites = new LinkedHashMap<>();
        reads.forEach((region, read) -> sites.put(region, read.resultNow()));
        return new ClusterState(sites);
    }

    private static Site readSite(SiteClient client) {
        try {
            return new Site(client.region(), null, client.services(), client.networks(), client.allSubnets(),
                    client.allPorts());
        } catch (RuntimeException | AssertionError e) {
            return new Site(client.region(), String.valueOf(e.getMessage()), List.of(), List.of(), List.of(), List.of());
        }
    }
}
