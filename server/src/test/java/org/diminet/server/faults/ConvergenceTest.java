package org.diminet.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The convergence checks on hand-made site states, so that a fault test trusting {@link Convergence}
 * knows each rule really fires (and that a healthy cluster yields nothing).
 */
class ConvergenceTest {
    private static final String L2 = "11111111-1111-1111-1111-111111111111";
    private static final String L3 = "33333333-3333-3333-3333-333333333333";

    /** A mutable site: services, networks, subnets, ports as the APIs show them. */
    private static final class SiteBuilder {
        final String region;
        final List<JsonNode> services = new ArrayList<>();
        final List<JsonNode> networks = new ArrayList<>();
        final List<JsonNode> subnets = new ArrayList<>();
        final List<JsonNode> ports = new ArrayList<>();

        SiteBuilder(String region) {
            this.region = region;
        }

        SiteBuilder network(String id, String cidr, String... pool) {
            networks.add(JsonClient.JSON.createObjectNode().put("id", id).put("name", "n-" + id));
            ObjectNode subnet = JsonClient.JSON.createObjectNode().put("id", "s-" + id).put("network_id", id)
                    .put("cidr", cidr);
            ArrayNode pools = subnet.putArray("allocation_pools");
            for (int i = 0; i < pool.length; i += 2) {
                pools.addObject().put("start", pool[i]).put("end", pool[i + 1]);
            }
            subnets.add(subnet);
            return this;
        }

        SiteBuilder port(String network, String ip) {
            ObjectNode port = JsonClient.JSON.createObjectNode().put("network_id", network);
            port.putArray("fixed_ips").addObject().put("ip_address", ip);
            ports.add(port);
            return this;
        }

        SiteBuilder service(String id, String type, String state, String... regionNetworkPairs) {
            ObjectNode service = JsonClient.JSON.createObjectNode().put("global_id", id).put("name", "svc")
                    .put("type", type).put("master", "RegionOne").put("state", state);
            ArrayNode resources = service.putArray("resources");
            for (int i = 0; i < regionNetworkPairs.length; i += 2) {
                resources.addObject().put("region", regionNetworkPairs[i]).put("network", regionNetworkPairs[i + 1]);
            }
            services.add(service);
            return this;
        }

        ClusterState.Site build() {
            return new ClusterState.Site(region, null, services, networks, subnets, ports);
        }
    }

    private static final String[] L2_RESOURCES = {"RegionOne", "ext1", "RegionTwo", "ext2"};

    private static SiteBuilder one() {
        return new SiteBuilder("RegionOne").network("ext1", "192.168.50.0/24", "192.168.50.2", "192.168.50.63")
                .network("r1", "10.1.0.0/24", "10.1.0.2", "10.1.0.254")
                .service(L2, "L2", "ACTIVE", L2_RESOURCES)
                .service(L3, "L3", "ACTIVE", "RegionOne", "r1", "RegionTwo", "r2")
                .port("ext1", "192.168.50.2");
    }

    private static SiteBuilder two() {
        return new SiteBuilder("RegionTwo").network("ext2", "192.168.50.0/24", "192.168.50.64", "192.168.50.127")
                .network("r2", "10.2.0.0/24", "10.2.0.2", "10.2.0.254")
                .service(L2, "L2", "ACTIVE", L2_RESOURCES)
                .service(L3, "L3", "ACTIVE", "RegionOne", "r1", "RegionTwo", "r2")
                .port("ext2", "192.168.50.64");
    }

    private static final Baseline BASELINE = new Baseline(Map.of("RegionOne", Set.of("ext1", "r1"),
            "RegionTwo", Set.of("r2")));

    private static List<String> check(SiteBuilder... sites) {
        return Convergence.check(ClusterState.of(List.of(sites).stream().map(SiteBuilder::build).toList()), BASELINE);
    }

    @Test
    void aHealthyClusterHasNoViolation() {
        assertThat(check(one(), two())).isEmpty();
    }

    @Test
    void transientStatesAreViolations() {
        SiteBuilder two = two();
        two.services.set(0, ((ObjectNode) two.services.getFirst()).put("state", "DELETING"));
        assertThat(check(one(), two)).containsExactly("[RegionTwo] service " + L2 + " (svc, L2) is DELETING, expected ACTIVE");
    }

    @Test
    void aServiceMissingAtOneOfItsRegionsOrListedOutsideThemIsAViolation() {
        SiteBuilder two = two();
        two.services.removeFirst();
        SiteBuilder three = new SiteBuilder("RegionThree").service(L3, "L3", "ACTIVE", "RegionOne", "r1",
                "RegionTwo", "r2");
        assertThat(check(one(), two, three)).anyMatch(v -> v.startsWith("[RegionTwo] service " + L2) && v.contains("not listed"))
                .anyMatch(v -> v.startsWith("[RegionThree] lists service " + L3));
    }

    @Test
    void sitesDisagreeingOnRegionsOrNetworksIsAViolation() {
        SiteBuilder two = two();
        two.services.set(1, two.services.get(1).deepCopy());
        ((ArrayNode) two.services.get(1).get("resources")).addObject().put("region", "RegionThree");
        assertThat(check(one(), two)).anyMatch(v -> v.contains("sites disagree on its regions"));

        SiteBuilder staleOne = new SiteBuilder("RegionOne").network("ext1", "192.168.50.0/24", "192.168.50.2",
                        "192.168.50.63")
                .network("r1", "10.1.0.0/24", "10.1.0.2", "10.1.0.254")
                .service(L2, "L2", "ACTIVE", "RegionOne", "ext1", "RegionTwo", "an-older-copy")
                .service(L3, "L3", "ACTIVE", "RegionOne", "r1", "RegionTwo", "r2");
        assertThat(check(staleOne, two())).containsExactly("service " + L2 + " (svc, L2): sites disagree on"
                + " RegionTwo's network: {RegionOne=an-older-copy, RegionTwo=ext2}");
    }

    @Test
    void overlappingPoolsDuplicateAddressesAndForeignPoolAddressesAreViolations() {
        SiteBuilder two = new SiteBuilder("RegionTwo")
                .network("ext2", "192.168.50.0/24", "192.168.50.60", "192.168.50.127")
                .network("r2", "10.2.0.0/24", "10.2.0.2", "10.2.0.254")
                .service(L2, "L2", "ACTIVE", L2_RESOURCES)
                .service(L3, "L3", "ACTIVE", "RegionOne", "r1", "RegionTwo", "r2")
                .port("ext2", "192.168.50.2");
        List<String> violations = check(one(), two);
        assertThat(violations).anyMatch(v -> v.contains("pools overlap"))
                .anyMatch(v -> v.contains("address 192.168.50.2 is held by ports at [RegionOne, RegionTwo]"));

        SiteBuilder foreign = two().port("ext2", "192.168.50.10");
        assertThat(check(one(), foreign)).containsExactly("service " + L2 + " (svc, L2): address 192.168.50.10 of a port"
                + " at [RegionTwo] lies in RegionOne's pool 192.168.50.2 -> 192.168.50.63");
    }

    @Test
    void networksOutsideTheBaselineAndTheServicesAreOrphans() {
        SiteBuilder two = two().network("leftover", "192.168.50.0/24", "192.168.50.128", "192.168.50.191");
        assertThat(check(one(), two)).containsExactly("[RegionTwo] orphan network leftover 'n-leftover' (192.168.50.0/24):"
                + " not in the baseline and no service listed there uses it");
    }

    @Test
    void anUnreadableSiteIsAViolation() {
        ClusterState.Site down = new ClusterState.Site("RegionTwo", "connection refused", List.of(), List.of(),
                List.of(), List.of());
        assertThat(Convergence.check(ClusterState.of(List.of(one().build(), down)), BASELINE))
                .containsExactly("[RegionTwo] cannot be read: connection refused");
    }
}
