package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import org.diminet.server.it.SiteClient.Answer;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What an operator's tools read: {@code /actuator/prometheus} (phase timers, services by type and state,
 * peers' round trips, requests per API) and {@code /actuator/health} (store and peers), both without a
 * token, as Prometheus and probes call them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorEndpointsTest {
    private static final String PHASES = "diminet_phase_seconds_count";
    private static MultiSiteCluster cluster;
    private static SiteClient one;
    private static SiteClient two;
    private static String routedOne;
    private static String routedTwo;
    private static String clashingTwo;

    @BeforeAll
    static void startSites() throws Exception {
        cluster = MultiSiteCluster.start(3);
        one = cluster.site(0);
        two = cluster.site(1);
        routedOne = one.createNetwork("routed-1", "10.1.0.0/24");
        routedTwo = two.createNetwork("routed-2", "10.2.0.0/24");
        clashingTwo = two.createNetwork("clashing-2", "10.1.0.128/25");
    }

    @AfterAll
    static void stopSites() {
        cluster.close();
    }

    /** A Prometheus server's scrape: no token. */
    private static PrometheusText scrape(SiteClient site) {
        SiteClient.TextAnswer answer = site.withToken(null).getText("/actuator/prometheus");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return PrometheusText.parse(answer.body());
    }

    private static JsonNode actuatorHealth(SiteClient site, int expectedStatus) {
        return check(site.withToken(null).send("GET", "/actuator/health", null), expectedStatus).body();
    }

    @Test
    @Order(1)
    void aCreateShowsUpInThePhaseTimersOfBothSitesByTypePhaseAndSite() {
        Map<String, String> createTotal = Map.of("phase", "create-total", "type", "L3", "outcome", "ok",
                "at", "RegionOne", "region", "RegionOne");
        Map<String, String> partAtTwo = Map.of("phase", "create_part", "type", "L3", "outcome", "ok", "at", "RegionTwo");
        Map<String, String> partBuiltAtTwo = Map.of("phase", "local-create-part", "type", "L3", "outcome", "ok",
                "region", "RegionTwo");
        double totalsBefore = scrape(one).sum(PHASES, createTotal);
        double partsBefore = scrape(one).sum(PHASES, partAtTwo);
        double builtBefore = scrape(two).sum(PHASES, partBuiltAtTwo);
        Map<String, String> journalAtOne = Map.of("phase", "journal-write", "outcome", "ok", "region", "RegionOne");
        double journalBefore = scrape(one).sum(PHASES, journalAtOne);

        check(one.create("web", "L3", resource("RegionOne", routedOne), resource("RegionTwo", routedTwo)), 201);

        PrometheusText atOne = scrape(one);
        assertThat(atOne.value(PHASES, createTotal)).isEqualTo(totalsBefore + 1);
        assertThat(atOne.value("diminet_phase_seconds_sum", createTotal)).isPositive();
        assertThat(atOne.value("diminet_phase_seconds_bucket", with(createTotal, "le", "+Inf"))).isEqualTo(totalsBefore + 1);
        assertThat(atOne.value(PHASES, partAtTwo)).as("the master's step sent to RegionTwo").isEqualTo(partsBefore + 1);
        assertThat(atOne.value(PHASES, Map.of("phase", "local-read", "type", "L3", "at", "RegionOne"))).isPositive();
        assertThat(scrape(two).value(PHASES, partBuiltAtTwo)).as("RegionTwo's own work on its part")
                .isEqualTo(builtBefore + 1);
        assertThat(scrape(one).sum(PHASES, journalAtOne)).as("the master's journal transactions for the create")
                .isGreaterThan(journalBefore);
    }

    @Test
    @Order(2)
    void aRefusedCreateIsTimedAsFailed() {
        Map<String, String> failed = Map.of("phase", "create-total", "type", "L3", "outcome", "failed");
        double before = scrape(one).sum(PHASES, failed);

        Answer refused = one.create("clash", "L3", resource("RegionOne", routedOne), resource("RegionTwo", clashingTwo));

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(scrape(one).value(PHASES, failed)).isEqualTo(before + 1);
    }

    @Test
    @Order(3)
    void servicesAreCountedByTypeAndStateAsTheApiShowsThem() {
        check(one.create("counted", "L3", resource("RegionOne", one.createNetwork("counted-1", "10.11.0.0/24")),
                resource("RegionThree", cluster.site(2).createNetwork("counted-3", "10.13.0.0/24"))), 201);
        JsonNode listed = check(one.list(), 200).body();
        long activeL3 = StreamSupport.stream(listed.spliterator(), false)
                .filter(s -> s.get("type").asText().equals("L3") && s.get("state").asText().equals("ACTIVE")).count();
        assertThat(activeL3).as("this class created two L3 services at RegionOne").isGreaterThanOrEqualTo(2);

        // The counts are read at most once a second.
        Await.until(() -> scrape(one).value("diminet_services", Map.of("type", "L3", "state", "ACTIVE")) == activeL3);
        PrometheusText atOne = scrape(one);
        assertThat(atOne.value("diminet_services", Map.of("type", "L2", "state", "ACTIVE"))).isZero();
        assertThat(atOne.value("diminet_services", Map.of("type", "L3", "state", "FAILED"))).isZero();
        assertThat(atOne.find("diminet_services", Map.of())).as("every type and state has its series").hasSize(12);
    }

    @Test
    @Order(4)
    void requestsAreCountedPerApiTemplateNeverPerGlobalId() {
        Answer created = check(one.create("templated", "L3",
                resource("RegionOne", one.createNetwork("templated-1", "10.21.0.0/24")),
                resource("RegionTwo", two.createNetwork("templated-2", "10.22.0.0/24"))), 201);
        String id = created.text("global_id");
        check(one.get(id), 200);

        String text = one.withToken(null).getText("/actuator/prometheus").body();
        PrometheusText metrics = PrometheusText.parse(text);
        assertThat(metrics.sum("http_server_requests_seconds_count", Map.of("uri", "/api/intersite-vertical/{global_id}",
                "method", "GET", "status", "200"))).isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum("http_server_requests_seconds_count", Map.of("uri", "/api/intersite-vertical",
                "method", "POST", "status", "201"))).isGreaterThanOrEqualTo(1);
        assertThat(text).as("no series per service").doesNotContain(id);
    }

    @Test
    @Order(5)
    void eachPeerHasItsReachabilityAndRoundTrip() {
        // Sites start one after another: the first probes may have found the others not up yet.
        Await.until(() -> scrape(one).value("diminet_peer_reachable", Map.of("peer", "RegionThree")) == 1.0
                && scrape(one).value("diminet_peer_reachable", Map.of("peer", "RegionTwo")) == 1.0);
        PrometheusText atOne = scrape(one);
        for (String peer : new String[] {"RegionTwo", "RegionThree"}) {
            double rtt = atOne.value("diminet_peer_round_trip_seconds", Map.of("peer", peer, "region", "RegionOne"));
            assertThat(rtt).as(peer).isPositive().isLessThan(2.0);
        }
        assertThat(atOne.find("diminet_peer_reachable", Map.of("peer", "RegionOne"))).as("a site is not its own peer")
                .isEmpty();
    }

    @Test
    @Order(6)
    void actuatorHealthShowsTheStoreAndEachPeerWithoutAToken() {
        Await.until(() -> "UP".equals(actuatorHealth(one, 200).get("status").asText()));
        JsonNode health = actuatorHealth(one, 200);
        assertThat(health.at("/components/store/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/store/details/open_operations").isInt()).as(health.toString()).isTrue();
        assertThat(health.at("/components/peers/status").asText()).isEqualTo("UP");
        for (String peer : new String[] {"RegionTwo", "RegionThree"}) {
            JsonNode seen = health.at("/components/peers/details/" + peer);
            assertThat(seen.get("reachable").asBoolean()).as(seen.toString()).isTrue();
            assertThat(seen.get("round_trip_ms").asDouble()).isPositive();
        }
    }

    @Test
    @Order(7)
    void onlyHealthInfoAndPrometheusAreOpenTheApiStillWantsAToken() {
        SiteClient anonymous = one.withToken(null);
        assertThat(anonymous.getText("/actuator/info").status()).isEqualTo(200);
        assertThat(anonymous.getText("/actuator/env").status()).isEqualTo(404);
        assertThat(anonymous.getText("/actuator/beans").status()).isEqualTo(404);
        assertThat(anonymous.getText("/actuator/loggers").status()).isEqualTo(404);
        assertThat(anonymous.list().status()).isEqualTo(401);
    }

    /** Last: it stops a site. */
    @Test
    @Order(8)
    void aPeerThatIsDownDegradesTheSiteWhichStillAnswers200() {
        cluster.stop("RegionThree");

        Await.until(() -> "DEGRADED".equals(actuatorHealth(one, 200).get("status").asText()));
        JsonNode health = actuatorHealth(one, 200);
        assertThat(health.at("/components/store/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/peers/status").asText()).isEqualTo("DEGRADED");
        assertThat(health.at("/components/peers/details/RegionThree/reachable").asBoolean()).isFalse();
        assertThat(health.at("/components/peers/details/RegionThree/error").asText()).isNotBlank();
        assertThat(health.at("/components/peers/details/RegionTwo/reachable").asBoolean()).isTrue();

        PrometheusText atOne = scrape(one);
        assertThat(atOne.value("diminet_peer_reachable", Map.of("peer", "RegionThree"))).isZero();
        assertThat(atOne.value("diminet_peer_round_trip_seconds", Map.of("peer", "RegionThree"))).isNaN();
        assertThat(atOne.value("diminet_peer_reachable", Map.of("peer", "RegionTwo"))).isEqualTo(1.0);
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> more = new HashMap<>(labels);
        more.put(key, value);
        return more;
    }
}
