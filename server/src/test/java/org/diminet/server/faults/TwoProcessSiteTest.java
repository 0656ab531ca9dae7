package org.diminet.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.faults.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.diminet.server.persistence.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One site served by two processes on one PostgreSQL database, for availability: requests go to
 * either process; when one is SIGKILLed in the middle of a create, PostgreSQL ends its session and
 * with it the locks it held, and the other process's reconciler takes the operation over and finishes
 * it (or revokes it) while the killed process stays dead.
 *
 * <p>L3 services only: the two processes' embedded VIMs are copies (beside OpenStack both would use
 * the one Neutron), and an L3 master only reads its VIM.
 */
@Tag("faults")
class TwoProcessSiteTest {
    private static final Duration WAIT = Duration.ofSeconds(45);

    @Test
    void theSecondProcessFinishesTheCreateTheFirstWasKilledIn() throws Exception {
        String schema = TestPostgres.newSchemaName("diminet_twin");
        Map<String, String> shared = new HashMap<>(FaultSuiteTest.FAST);
        shared.put("spring.datasource.url", TestPostgres.jdbcUrl(schema));
        shared.put("spring.flyway.schemas", schema);
        shared.put("spring.datasource.username", TestPostgres.user());
        try (ProcessCluster cluster = ProcessCluster.start(3, region -> region.equals("RegionOne") ? shared
                : FaultSuiteTest.FAST)) {
            SiteClient a = cluster.client("RegionOne");
            String[] local = new String[6];
            String[][] remote = new String[6][2];
            for (int i = 0; i < 6; i++) {
                local[i] = a.createNetwork("one-" + i, "10.10" + i + ".1.0/24");
                remote[i][0] = cluster.client("RegionTwo").createNetwork("two-" + i, "10.10" + i + ".2.0/24");
                remote[i][1] = cluster.client("RegionThree").createNetwork("three-" + i, "10.10" + i + ".3.0/24");
            }
            Baseline baseline = Baseline.record(cluster);
            SiteProcess twin = cluster.startTwin("RegionOne");
            SiteClient b = new SiteClient("RegionOne", twin.url(), Duration.ofSeconds(30), cluster.client("RegionOne").token());

            // Requests spread over both processes; each sees what the other did.
            for (int i = 0; i < 4; i++) {
                SiteClient via = i % 2 == 0 ? a : b;
                via.createService("spread-" + i, "L3", resource("RegionOne", local[i]),
                        resource("RegionTwo", remote[i][0]), resource("RegionThree", remote[i][1])).expect(201);
            }
            assertThat(a.services()).hasSize(4);
            assertThat(b.services()).hasSize(4);

            // A dies while its create is on its way to RegionThree.
            cluster.proxy("RegionThree").onNextRequest(RequestMatcher.of("POST", "/api/intersite-horizontal"),
                    () -> cluster.kill("RegionOne"));
            try {
                a.createService("killed-midway", "L3", resource("RegionOne", local[4]),
                        resource("RegionTwo", remote[4][0]), resource("RegionThree", remote[4][1]));
            } catch (RuntimeException expected) {
                // the connection died with the process
            }
            assertThat(cluster.isAlive("RegionOne")).isFalse();

            JsonNode settled = awaitSettled(b, "killed-midway");
            System.out.println("two processes: the survivor settled the create as " + settled.path("state").asText());
            String id = settled.path("global_id").asText();
            for (String region : List.of("RegionTwo", "RegionThree")) {
                Answer answer = Answer.of(cluster.client(region).service(id));
                if (settled.path("state").asText().equals("ACTIVE")) {
                    assertThat(answer.status).as(region + " has its part").isEqualTo(200);
                } else {
                    assertThat(answer.status).as(region + " has nothing").isEqualTo(404);
                }
            }
            // The survivor keeps serving: a new create through it works.
            b.createService("after", "L3", resource("RegionOne", local[5]), resource("RegionTwo", remote[5][0]),
                    resource("RegionThree", remote[5][1])).expect(201);

            cluster.restart("RegionOne");
            Convergence.await(cluster, WAIT, baseline);
        } finally {
            TestPostgres.dropSchema(schema);
        }
    }

    /** Waits until the survivor shows the service ACTIVE, or until it is gone there (revoked). */
    private static JsonNode awaitSettled(SiteClient survivor, String name) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        JsonNode seen = null;
        while (System.nanoTime() < end) {
            JsonNode now = survivor.services().stream().filter(s -> name.equals(s.path("name").asText()))
                    .findFirst().orElse(null);
            if (now != null && now.path("state").asText().equals("ACTIVE")) {
                return now;
            }
            if (now == null && seen != null) {
                return ((com.fasterxml.jackson.databind.node.ObjectNode) seen.deepCopy()).put("state", "REVOKED");
            }
            seen = now != null ? now : seen;
            Thread.sleep(200);
        }
        throw new AssertionError("the surviving process did not finish the create within " + WAIT
                + "; it shows " + survivor.services());
    }

    private record Answer(int status) {
        static Answer of(JsonClient.Answer answer) {
            return new Answer(answer.status());
        }
    }
}
