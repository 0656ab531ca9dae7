package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.regionOnly;
import static org.diminet.server.it.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import org.diminet.server.it.SiteClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sites that are down, and sites that restart: nothing half-made, nothing lost. */
class SiteFailureIntegrationTest {
    private MultiSiteCluster cluster;

    @BeforeEach
    void startSites() throws Exception {
        cluster = MultiSiteCluster.start(3);
    }

    @AfterEach
    void stopSites() {
        cluster.close();
    }

    @Test
    void aCreateTouchingADownSiteFailsNamingItAndLeavesNothing() {
        SiteClient one = cluster.site(0);
        SiteClient two = cluster.site(1);
        String routedOne = one.createNetwork("routed-1", "10.1.0.0/24");
        String routedTwo = two.createNetwork("routed-2", "10.2.0.0/24");
        String extendable = one.createNetwork("ext-1", "172.30.0.0/24");
        JsonNode poolsBefore = one.subnetsOf(extendable).getFirst().get("allocation_pools");
        int networksAtTwo = two.networks().size();
        cluster.stop("RegionThree");

        Answer l3 = one.create("l3-down", "L3", resource("RegionOne", routedOne), resource("RegionTwo", routedTwo),
                resource("RegionThree", "3b8360e6-e29a-4063-a8bc-7bbd0785d08b"));
        Answer l2 = one.create("l2-down", "L2", resource("RegionOne", extendable), regionOnly("RegionTwo"),
                regionOnly("RegionThree"));

        for (Answer failed : new Answer[] {l3, l2}) {
            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.text("region")).isEqualTo("RegionThree");
            assertThat(failed.text("detail")).contains("RegionThree");
        }
        assertThat(check(one.list(), 200).body()).isEmpty();
        assertThat(check(two.list(), 200).body()).isEmpty();
        assertThat(two.networks()).as("RegionTwo's copy of the L2 network was removed").hasSize(networksAtTwo);
        assertThat(one.subnetsOf(extendable).getFirst().get("allocation_pools")).isEqualTo(poolsBefore);
        // The claims were released too: once the site is back the same request succeeds.
        cluster.restart("RegionThree");
        check(one.create("l2-back", "L2", resource("RegionOne", extendable), regionOnly("RegionTwo"),
                regionOnly("RegionThree")), 201);
    }

    @Test
    void aDownSiteCanBeRemovedAndTheServiceDeletedAndItsPartGoesWhenItIsBack() {
        SiteClient one = cluster.site(0);
        SiteClient three = cluster.site(2);
        String network = one.createNetwork("ext", "172.31.0.0/24");
        JsonNode poolsBefore = one.subnetsOf(network).getFirst().get("allocation_pools");
        int networksAtThree = three.networks().size();
        String id = check(one.create("ext", "L2", resource("RegionOne", network), regionOnly("RegionTwo"),
                regionOnly("RegionThree")), 201).text("global_id");
        cluster.stop("RegionThree");

        JsonNode shrunk = check(one.put(id, resource("RegionOne", network), regionOnly("RegionTwo")), 200).body();

        assertThat(shrunk.get("resources")).as("the down site left at once").hasSize(2);
        assertThat(shrunk.get("state").asText()).isEqualTo("DEGRADED");
        assertThat(shrunk.get("pending_operations").get(0).get("pending_steps").toString())
                .contains("RegionThree", "DELETE_PART");

        Answer delete = cluster.site(1).delete(id);
        assertThat(delete.status()).as("accepted: the live sites are done, RegionThree's removal waits").isEqualTo(202);
        assertThat(check(one.get(id), 200).text("state")).isEqualTo("DELETING");
        assertThat(cluster.site(1).get(id).status()).isEqualTo(404);
        assertThat(one.subnetsOf(network).getFirst().get("allocation_pools"))
                .as("the master's own part went at once: disconnected, its pools are its own again")
                .isEqualTo(poolsBefore);

        cluster.restart("RegionThree");
        Await.until(() -> one.get(id).status() == 404);
        assertThat(check(cluster.site(2).list(), 200).body()).isEmpty();
        assertThat(cluster.site(2).networks()).hasSize(networksAtThree);
        assertThat(one.subnetsOf(network).getFirst().get("allocation_pools")).isEqualTo(poolsBefore);
    }

    @Test
    void healthShowsTheStoreAndEachPeerAndStaysUpWhenAPeerIsDown() {
        SiteClient one = cluster.site(0);
        // Sites start one after another: the first probes may have found the others not up yet.
        Await.until(() -> "UP".equals(check(one.send("GET", "/api/health", null), 200).text("status")));
        JsonNode up = check(one.send("GET", "/api/health", null), 200).body();
        assertThat(up.get("status").asText()).isEqualTo("UP");
        assertThat(up.at("/store/status").asText()).isEqualTo("UP");
        assertThat(up.get("peers").findValuesAsText("region")).containsExactlyInAnyOrder("RegionTwo", "RegionThree");
        assertThat(up.get("peers").findValues("round_trip_ms")).allSatisfy(rtt -> assertThat(rtt.asDouble()).isPositive());

        cluster.stop("RegionThree");
        Await.until(() -> "DEGRADED".equals(check(one.send("GET", "/api/health", null), 200).text("status")));
        JsonNode degraded = check(one.send("GET", "/api/health", null), 200).body();
        for (JsonNode peer : degraded.get("peers")) {
            assertThat(peer.get("reachable").asBoolean()).as(peer.toString())
                    .isEqualTo(!peer.get("region").asText().equals("RegionThree"));
        }
    }

    @Test
    void servicesAndNetworksSurviveARestart() {
        SiteClient one = cluster.site(0);
        String network = one.createNetwork("durable", "172.29.0.0/24");
        JsonNode created = check(one.create("durable", "L2", resource("RegionOne", network),
                regionOnly("RegionTwo")), 201).body();
        String id = created.get("global_id").asText();
        String atTwo = created.get("resources").get(1).get("network").asText();
        String ipBefore = cluster.site(1).createPortIp(atTwo);

        cluster.restart("RegionOne");
        cluster.restart("RegionTwo");

        // While the sites restart, telling RegionTwo the final resource list may have to wait: DEGRADED.
        Await.until(() -> "ACTIVE".equals(check(cluster.site(0).get(id), 200).text("state")));
        JsonNode again = check(cluster.site(0).get(id), 200).body();
        assertThat(again.get("params")).isEqualTo(created.get("params"));
        assertThat(check(cluster.site(1).get(id), 200).text("master")).isEqualTo("RegionOne");
        assertThat(cluster.site(1).ports(atTwo)).hasSize(1);
        String ipAfter = cluster.site(1).createPortIp(atTwo);
        assertThat(ipAfter).isNotEqualTo(ipBefore);
        for (JsonNode port : cluster.site(1).ports(atTwo)) {
            check(cluster.site(1).deletePort(port.get("id").asText()), 204);
        }
        assertThat(cluster.site(0).delete(id).status()).isEqualTo(204);
        assertThat(cluster.site(1).get(id).status()).isEqualTo(404);
    }
}
