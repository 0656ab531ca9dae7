package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.Addresses.eventually;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.regionOnly;
import static org.diminet.server.it.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/intersite-vertical/{id}/operations}: how a service's changes went, step by step, finished
 * ones included: which site ran what in which wave, how it ended, and how long each step and the whole
 * change took; a revoked change shows why and what was undone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceOperationsTest {
    private MultiSiteCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = MultiSiteCluster.start(3);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void aCreateAndAnUpdateShowEveryStepWithItsTime() throws Exception {
        SiteClient master = cluster.site(0);
        String network = master.createNetwork("history", "172.31.7.0/24");
        String id = check(master.create("history", "L2", resource("RegionOne", network), regionOnly("RegionTwo"),
                regionOnly("RegionThree")), 201).text("global_id");
        check(master.put(id, resource("RegionOne", network), regionOnly("RegionTwo")), 200);
        eventually(() -> phases(operations(master, id)).equals(List.of("DONE", "DONE")),
                "both operations finished, their clean-up included");

        JsonNode ops = operations(master, id);
        JsonNode create = ops.get(0);
        assertThat(create.get("kind").asText()).isEqualTo("CREATE");
        assertThat(create.get("revoked_because").isNull()).isTrue();
        assertThat(steps(create)).contains("LOCAL_POOLS@RegionOne/0/DONE", "CREATE_PART@RegionTwo/1/DONE",
                "CREATE_PART@RegionThree/1/DONE", "LOCAL_WIRE@RegionOne/1/DONE", "SYNC_PART@RegionTwo/2/DONE",
                "SYNC_PART@RegionThree/2/DONE");
        long slowestStep = 0;
        for (JsonNode step : create.get("steps")) {
            assertThat(step.get("attempts").asInt()).isEqualTo(1);
            assertThat(step.get("last_attempt_ms").asLong()).isNotNegative();
            slowestStep = Math.max(slowestStep, step.get("last_attempt_ms").asLong());
        }
        assertThat(create.get("took_ms").asLong()).as("the whole create").isGreaterThanOrEqualTo(slowestStep);

        JsonNode update = ops.get(1);
        assertThat(update.get("kind").asText()).isEqualTo("UPDATE");
        assertThat(steps(update)).contains("CHECK_PART@RegionThree/0/DONE", "DELETE_PART@RegionThree/3/DONE");
    }

    @Test
    void aRevokedChangeShowsWhyAndWhatWasUndone() {
        SiteClient master = cluster.site(0);
        String a = master.createNetwork("history-a", "10.231.0.0/24");
        String b = cluster.site(1).createNetwork("history-b", "10.232.0.0/24");
        String clash = cluster.site(2).createNetwork("history-clash", "10.231.0.128/25");
        String id = check(master.create("history-l3", "L3", resource("RegionOne", a), resource("RegionTwo", b)), 201)
                .text("global_id");
        assertThat(master.put(id, resource("RegionOne", a), resource("RegionTwo", b), resource("RegionThree", clash))
                .status()).isEqualTo(409);

        JsonNode update = operations(master, id).get(1);
        assertThat(update.get("kind").asText()).isEqualTo("UPDATE");
        assertThat(update.get("phase").asText()).isIn("REVERTING", "REVERTED");
        assertThat(update.get("revoked_because").get("message").asText()).contains("10.231.0.128/25");
        assertThat(steps(update)).anyMatch(s -> s.startsWith("CREATE_PART@RegionThree/0/DONE"))
                .anyMatch(s -> s.startsWith("UNDO_PART@RegionThree/"));
    }

    @Test
    void onlyThoseWhoMaySeeTheServiceSeeItsOperations() {
        String network = cluster.as("alice", "RegionOne").createNetwork("history-alice", "10.233.1.0/24");
        String other = cluster.as("alice", "RegionTwo").createNetwork("history-alice", "10.233.2.0/24");
        String id = check(cluster.as("alice", "RegionOne").create("history-alice", "L3", resource("RegionOne", network),
                resource("RegionTwo", other)), 201).text("global_id");

        assertThat(cluster.as("alice", "RegionOne").send("GET", path(id), null).status()).isEqualTo(200);
        assertThat(cluster.as("bob", "RegionOne").send("GET", path(id), null).status()).isEqualTo(404);
        SiteClient.Answer bad = cluster.as("alice", "RegionOne").send("GET", path("not-a-uuid"), null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("field")).isEqualTo("global_id");
    }

    private static JsonNode operations(SiteClient site, String id) {
        return check(site.send("GET", path(id), null), 200).body();
    }

    private static String path(String id) {
        return "/api/intersite-vertical/" + id + "/operations";
    }

    private static List<String> phases(JsonNode operations) {
        List<String> phases = new ArrayList<>();
        operations.forEach(op -> phases.add(op.get("phase").asText()));
        return phases;
    }

    /** Each step as action@region/wave/status. */
    private static List<String> steps(JsonNode operation) {
        List<String> steps = new ArrayList<>();
        operation.get("steps").forEach(s -> steps.add(s.get("action").asText() + "@" + s.get("region").asText() + "/"
                + s.get("wave").asInt() + "/" + s.get("status").asText()));
        return steps;
    }
}
