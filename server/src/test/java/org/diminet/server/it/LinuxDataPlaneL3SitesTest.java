package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diminet.dataplane.linux.site.LinuxPrerequisite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real packets through DIMINET's L3 routing with the {@code linux} data plane: three sites, a network with
 * its own CIDR at each; an L3 service over the three lets their machines ping each other (a router
 * namespace per service and site, type-5 routes over the service's L3 VNI); a site taken out of the
 * service (PUT) becomes unreachable; a deleted service leaves no router namespace. Needs root and FRR:
 * skipped with the reason otherwise.
 */
@Tag("linux")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinuxDataPlaneL3SitesTest {
    private static final List<String> REGIONS = List.of("RegionOne", "RegionTwo", "RegionThree");
    private final LinuxSites host = new LinuxSites(REGIONS);
    private MultiSiteCluster cluster;

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(LinuxPrerequisite.missing().isEmpty(), () -> "skipped: " + LinuxPrerequisite.missing().orElse(""));
        cluster = MultiSiteCluster.start(REGIONS.size(), host::settings);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        host.removeLeftovers();
    }

    @Test
    void machinesOfAnL3ServicePingAcrossSitesUntilTheirSiteLeavesAndTheServiceLeavesNothing() throws Exception {
        Map<String, String> networks = new LinkedHashMap<>();
        Map<String, JsonNode> ports = new LinkedHashMap<>();
        for (String region : REGIONS) {
            SiteClient site = cluster.site(region);
            String network = site.createNetwork("routed", "10.95." + (REGIONS.indexOf(region) + 1) + ".0/24");
            networks.put(region, network);
            ports.put(region, check(site.createPort(network), 201).body().get("port"));
        }
        String one = host.machine("RegionOne", ports.get("RegionOne"));
        String two = address(ports.get("RegionTwo"));
        String three = address(ports.get("RegionThree"));
        assertThat(host.pingsWithin(one, two, Duration.ofSeconds(2))).as("before the service exists").isFalse();

        String id = check(cluster.site("RegionOne").create("routed", "L3", resource("RegionOne", networks.get("RegionOne")),
                resource("RegionTwo", networks.get("RegionTwo")), resource("RegionThree", networks.get("RegionThree"))), 201)
                .text("global_id");
        assertThat(host.pingsWithin(one, two, Duration.ofSeconds(30))).as("RegionOne's machine reaches RegionTwo's").isTrue();
        assertThat(host.pingsWithin(one, three, Duration.ofSeconds(30))).as("RegionOne's machine reaches RegionThree's").isTrue();
        assertThat(host.pingsWithin(host.machine("RegionThree", ports.get("RegionThree")), two, Duration.ofSeconds(30))).isTrue();
        assertThat(host.namespaces(host.prefix + "rt-")).hasSize(3);

        // RegionThree leaves the service: its router goes, the others stop importing its routes.
        check(cluster.site("RegionOne").put(id, resource("RegionOne", networks.get("RegionOne")),
                resource("RegionTwo", networks.get("RegionTwo"))), 200);
        assertThat(host.cutWithin(one, three, Duration.ofSeconds(20))).as("RegionThree is cut off").isTrue();
        assertThat(host.pingsWithin(one, two, Duration.ofSeconds(10))).as("RegionOne and RegionTwo still route").isTrue();
        assertThat(host.namespaces(host.prefix + "rt-regionthree-")).isEmpty();

        check(cluster.site("RegionOne").delete(id), 204);
        assertThat(host.cutWithin(one, two, Duration.ofSeconds(20))).as("after the service is deleted").isTrue();
        assertThat(host.namespaces(host.prefix + "rt-")).as("router namespaces left").isEmpty();
        ports.forEach((region, port) -> check(cluster.site(region).deletePort(port.get("id").asText()), 204));
    }

    private static String address(JsonNode port) {
        return port.at("/fixed_ips/0/ip_address").asText();
    }

}
