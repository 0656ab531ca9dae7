package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.regionOnly;
import static org.diminet.server.it.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diminet.dataplane.linux.Command;
import org.diminet.dataplane.linux.ProcessRunner;
import org.diminet.dataplane.linux.site.LinuxPrerequisite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real packets: four sites with the {@code linux} data plane (a namespace each on a WAN bridge, FRR with
 * BGP EVPN between them); ports become machines; machines on the sites of an L2 extension ping each
 * other, machines of another extension with the same CIDR do not, and a deleted service leaves no VXLAN
 * device or VNI behind. Needs root and FRR: skipped with the reason otherwise ({@code .ci/run} has both).
 */
@Tag("linux")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinuxDataPlaneSitesTest {
    private static final List<String> REGIONS = List.of("RegionOne", "RegionTwo", "RegionThree", "RegionFour");
    private final LinuxSites host = new LinuxSites(REGIONS);
    private final ProcessRunner shell = new ProcessRunner();
    private MultiSiteCluster cluster;

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(LinuxPrerequisite.missing().isEmpty(), () -> "skipped: " + LinuxPrerequisite.missing().orElse(""));
        cluster = MultiSiteCluster.start(4, host::settings);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        host.removeLeftovers();
    }

    @Test
    void machinesOfAnL2ExtensionPingAcrossThreeSitesAndADeletedServiceLeavesNothing() throws Exception {
        SiteClient one = cluster.site("RegionOne");
        String network = one.createNetwork("pingable", "192.168.55.0/24");
        JsonNode firstPort = check(one.createPort(network), 201).body().get("port");
        String id = check(one.create("pingable", "L2", resource("RegionOne", network), regionOnly("RegionTwo"),
                regionOnly("RegionThree")), 201).text("global_id");
        JsonNode service = one.get(id).body();
        Map<String, JsonNode> ports = new LinkedHashMap<>();
        ports.put("RegionOne", firstPort);
        for (String region : List.of("RegionTwo", "RegionThree")) {
            ports.put(region, check(cluster.site(region).createPort(networkAt(service, region)), 201).body().get("port"));
        }

        String from = host.machine("RegionOne", firstPort);
        for (String region : List.of("RegionTwo", "RegionThree")) {
            String address = ports.get(region).at("/fixed_ips/0/ip_address").asText();
            assertThat(host.pingsWithin(from, address, Duration.ofSeconds(30))).as("RegionOne's machine reaches %s's %s", region, address)
                    .isTrue();
        }
        assertThat(host.pingsWithin(host.machine("RegionTwo", ports.get("RegionTwo")),
                ports.get("RegionThree").at("/fixed_ips/0/ip_address").asText(), Duration.ofSeconds(10))).isTrue();

        ports.forEach((region, port) -> check(cluster.site(region).deletePort(port.get("id").asText()), 204));
        check(one.delete(id), 204);
        for (String region : List.of("RegionOne", "RegionTwo", "RegionThree")) {
            String site = host.prefix + "site-" + region.toLowerCase();
            assertThat(shell.run(Command.of("ip", "-n", site, "-d", "link", "show", "type", "vxlan")))
                    .as("VXLAN devices left at %s", region).isBlank();
        }
    }

    @Test
    void aRestartedSiteRebuildsItsPartAndTrafficResumes() throws Exception {
        SiteClient one = cluster.site("RegionOne");
        String network = one.createNetwork("restarted", "192.168.77.0/24");
        JsonNode local = check(one.createPort(network), 201).body().get("port");
        String id = check(one.create("restarted", "L2", resource("RegionOne", network), regionOnly("RegionTwo")), 201)
                .text("global_id");
        JsonNode remote = check(cluster.site("RegionTwo").createPort(networkAt(one.get(id).body(), "RegionTwo")), 201)
                .body().get("port");
        String address = remote.at("/fixed_ips/0/ip_address").asText();
        assertThat(host.pingsWithin(host.machine("RegionOne", local), address, Duration.ofSeconds(30))).isTrue();

        // A stopped site removes its namespace, FRR and machines; started again it rebuilds them from its
        // store (the service's VNI and route targets) and its VIM (the machine), with no user action.
        cluster.restart("RegionTwo");
        assertThat(host.pingsWithin(host.machine("RegionOne", local), address, Duration.ofSeconds(45)))
                .as("traffic to RegionTwo's machine after RegionTwo restarted").isTrue();
    }

    @Test
    void twoExtensionsWithTheSameCidrAtDifferentSitesAreIsolated() throws Exception {
        SiteClient one = cluster.site("RegionOne");
        SiteClient three = cluster.site("RegionThree");
        String x = one.createNetwork("iso-x", "192.168.66.0/24");
        String y = three.createNetwork("iso-y", "192.168.66.0/24");
        String xs = check(one.create("iso-x", "L2", resource("RegionOne", x), regionOnly("RegionTwo")), 201).text("global_id");
        String ys = check(three.create("iso-y", "L2", resource("RegionThree", y), regionOnly("RegionFour")), 201).text("global_id");
        JsonNode xPort = check(one.createPort(x), 201).body().get("port");
        JsonNode xRemote = check(cluster.site("RegionTwo").createPort(networkAt(one.get(xs).body(), "RegionTwo")), 201).body().get("port");
        String xAddress = xRemote.at("/fixed_ips/0/ip_address").asText();
        // The two pool splits are alike, so Y's first machines may get X's addresses: take one X has not.
        String yAddress = xAddress;
        for (int i = 0; i < 4 && (yAddress.equals(xAddress) || yAddress.equals(xPort.at("/fixed_ips/0/ip_address").asText())); i++) {
            yAddress = check(cluster.site("RegionFour").createPort(networkAt(three.get(ys).body(), "RegionFour")), 201)
                    .body().at("/port/fixed_ips/0/ip_address").asText();
        }
        assertThat(yAddress).isNotIn(xAddress, xPort.at("/fixed_ips/0/ip_address").asText());

        assertThat(host.pingsWithin(host.machine("RegionOne", xPort), xAddress, Duration.ofSeconds(30))).as("within X").isTrue();
        assertThat(host.pingsWithin(host.machine("RegionOne", xPort), yAddress, Duration.ofSeconds(3))).as("X to Y's %s", yAddress).isFalse();
    }

    private static String networkAt(JsonNode service, String region) {
        for (JsonNode r : service.get("resources")) {
            if (r.get("region").asText().equals(region)) {
                return r.get("network").asText();
            }
        }
        throw new AssertionError("no resource at " + region);
    }
}
