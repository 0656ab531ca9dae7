package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.diminet.dataplane.linux.Command;
import org.diminet.dataplane.linux.CommandFailedException;
import org.diminet.dataplane.linux.ProcessRunner;
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
    private final String prefix = "d" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36) + "-";
    private final ProcessRunner shell = new ProcessRunner();
    private MultiSiteCluster cluster;

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(LinuxPrerequisite.missing().isEmpty(), () -> "skipped: " + LinuxPrerequisite.missing().orElse(""));
        cluster = MultiSiteCluster.start(REGIONS.size(), this::settings);
    }

    private Map<String, String> settings(String region) {
        Map<String, String> settings = new LinkedHashMap<>();
        int n = REGIONS.indexOf(region) + 1;
        settings.put("diminet.data-plane.driver", "linux");
        settings.put("diminet.data-plane.linux.underlay", "10.255.0." + n + "/24");
        settings.put("diminet.data-plane.linux.prefix", prefix);
        settings.put("diminet.data-plane.linux.frr-directory", "/tmp/" + prefix + "frr-" + n);
        for (String peer : REGIONS) {
            if (!peer.equals(region)) {
                settings.put("diminet.data-plane.linux.peers." + peer, "10.255.0." + (REGIONS.indexOf(peer) + 1));
            }
        }
        return settings;
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        for (String leftover : namespaces(prefix)) {
            try {
                shell.run(Command.of("ip", "netns", "delete", leftover));
            } catch (CommandFailedException e) {
                // already gone
            }
        }
        for (int n = 1; n <= REGIONS.size(); n++) {
            try {
                shell.run(Command.of("rm", "-rf", "--", "/tmp/" + prefix + "frr-" + n));
            } catch (CommandFailedException e) {
                // nothing to remove
            }
        }
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
        String one = machine("RegionOne", ports.get("RegionOne"));
        String two = address(ports.get("RegionTwo"));
        String three = address(ports.get("RegionThree"));
        assertThat(pingsWithin(one, two, Duration.ofSeconds(2))).as("before the service exists").isFalse();

        String id = check(cluster.site("RegionOne").create("routed", "L3", resource("RegionOne", networks.get("RegionOne")),
                resource("RegionTwo", networks.get("RegionTwo")), resource("RegionThree", networks.get("RegionThree"))), 201)
                .text("global_id");
        assertThat(pingsWithin(one, two, Duration.ofSeconds(30))).as("RegionOne's machine reaches RegionTwo's").isTrue();
        assertThat(pingsWithin(one, three, Duration.ofSeconds(30))).as("RegionOne's machine reaches RegionThree's").isTrue();
        assertThat(pingsWithin(machine("RegionThree", ports.get("RegionThree")), two, Duration.ofSeconds(30))).isTrue();
        assertThat(namespaces(prefix + "rt-")).hasSize(3);

        // RegionThree leaves the service: its router goes, the others stop importing its routes.
        check(cluster.site("RegionOne").put(id, resource("RegionOne", networks.get("RegionOne")),
                resource("RegionTwo", networks.get("RegionTwo"))), 200);
        assertThat(cutWithin(one, three, Duration.ofSeconds(20))).as("RegionThree is cut off").isTrue();
        assertThat(pingsWithin(one, two, Duration.ofSeconds(10))).as("RegionOne and RegionTwo still route").isTrue();
        assertThat(namespaces(prefix + "rt-regionthree-")).isEmpty();

        check(cluster.site("RegionOne").delete(id), 204);
        assertThat(cutWithin(one, two, Duration.ofSeconds(20))).as("after the service is deleted").isTrue();
        assertThat(namespaces(prefix + "rt-")).as("router namespaces left").isEmpty();
        ports.forEach((region, port) -> check(cluster.site(region).deletePort(port.get("id").asText()), 204));
    }

    private String machine(String region, JsonNode port) {
        return prefix + "vm-" + region.toLowerCase() + "-" + port.get("id").asText();
    }

    private static String address(JsonNode port) {
        return port.at("/fixed_ips/0/ip_address").asText();
    }

    private List<String> namespaces(String start) {
        return shell.run(Command.of("ip", "netns", "list")).lines().map(l -> l.split(" ")[0])
                .filter(n -> n.startsWith(start)).toList();
    }

    /** Pings every ~200 ms until an answer or the time is up. */
    private boolean pingsWithin(String namespace, String address, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (answers(namespace, address)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Pings until three in a row go unanswered or the time is up. */
    private boolean cutWithin(String namespace, String address, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        int lost = 0;
        while (System.nanoTime() < end) {
            lost = answers(namespace, address) ? 0 : lost + 1;
            if (lost == 3) {
                return true;
            }
        }
        return false;
    }

    private boolean answers(String namespace, String address) {
        try {
            shell.run(Command.of("ip", "netns", "exec", namespace, "ping", "-c", "1", "-W", "1", address)
                    .withTimeout(Duration.ofSeconds(5)));
            return true;
        } catch (CommandFailedException e) {
            return false;
        }
    }
}
