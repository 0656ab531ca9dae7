package org.diminet.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.faults.SiteClient.networkOf;
import static org.diminet.server.faults.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fault harness end to end, without faults but one crash: three sites as separate JVMs behind
 * proxies, an L3 and an L2 service with machines on the extended network, {@link Convergence} before
 * and after RegionTwo is SIGKILLed and restarted on its data directory.
 */
@Tag("faults")
class ProcessClusterSmokeTest {
    private static final Duration CONVERGE = Duration.ofSeconds(30);
    private static final RequestMatcher HORIZONTAL_CREATE = RequestMatcher.of("POST", "/api/intersite-horizontal");

    @Test
    void servicesSurviveASigkilledSiteAndTheClusterConverges() {
        try (ProcessCluster cluster = ProcessCluster.start(3, Map.of("diminet.peer.request-timeout", "5s"))) {
            SiteClient one = cluster.client("RegionOne");
            SiteClient two = cluster.client("RegionTwo");
            String routedOne = one.createNetwork("routed-1", "10.1.0.0/24");
            String routedTwo = two.createNetwork("routed-2", "10.2.0.0/24");
            String extendable = one.createNetwork("extendable-1", "192.168.50.0/24");
            Baseline baseline = Baseline.record(cluster);
            assertThat(Convergence.check(cluster, baseline)).isEmpty();

            String l3 = one.createService("smoke-l3", "L3", resource("RegionOne", routedOne),
                    resource("RegionTwo", routedTwo)).expect(201).field("global_id");
            String l2 = one.createService("smoke-l2", "L2", resource("RegionOne", extendable),
                    resource("RegionTwo", null), resource("RegionThree", null)).expect(201).field("global_id");
            String copyAtTwo = networkOf(two.service(l2).expect(200).body(), "RegionTwo");
            String ipOne = one.createPortIp(extendable);
            String ipTwo = two.createPortIp(copyAtTwo);
            assertThat(ipOne).isNotEqualTo(ipTwo);

            Duration converged = Convergence.await(cluster, CONVERGE, baseline);
            System.out.println("smoke: converged " + converged.toMillis() + " ms after the creates");
            assertThat(cluster.proxy("RegionTwo").count(HORIZONTAL_CREATE))
                    .as("the master reached RegionTwo through RegionTwo's proxy, once per service").isEqualTo(2);
            assertThat(cluster.proxy("RegionThree").count(HORIZONTAL_CREATE)).isEqualTo(1);
            assertThat(cluster.proxy("RegionOne").count(HORIZONTAL_CREATE)).as("nobody creates at the master").isZero();

            cluster.kill("RegionTwo");
            assertThat(cluster.isAlive("RegionTwo")).isFalse();
            assertThat(Convergence.check(cluster, baseline)).as("a dead site is a violation")
                    .anyMatch(violation -> violation.startsWith("[RegionTwo] cannot be read"));

            cluster.restart("RegionTwo");
            assertThat(two.services()).extracting(service -> service.path("global_id").asText())
                    .containsExactlyInAnyOrder(l3, l2);
            assertThat(two.ports(copyAtTwo)).extracting(port -> port.at("/fixed_ips/0/ip_address").asText())
                    .containsExactly(ipTwo);
            JsonNode l2AtTwo = two.service(l2).expect(200).body();
            assertThat(l2AtTwo.path("state").asText()).isEqualTo("ACTIVE");
            converged = Convergence.await(cluster, CONVERGE, baseline);
            System.out.println("smoke: converged " + converged.toMillis() + " ms after the restart");
        }
    }
}
