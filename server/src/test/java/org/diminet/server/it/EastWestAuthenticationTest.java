package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.regionOnly;
import static org.diminet.server.it.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.diminet.server.launcher.LocalIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The East-West API answers only peers, and each peer only for itself: the attacks of issue #7 (drain a
 * master's ledger, push pools, delete a part behind its master's back, forge a part) are refused without
 * credentials, with a user's token, with a valid peer claiming another region, and with a valid peer
 * that is not the service's master; and nothing changes at any site.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EastWestAuthenticationTest {
    private MultiSiteCluster cluster;
    private String service;
    private String networkAtTwo;

    @BeforeAll
    void start() throws Exception {
        cluster = MultiSiteCluster.start(3);
        String network = cluster.site("RegionOne").createNetwork("ew-auth", "192.168.81.0/24");
        service = check(cluster.site("RegionOne").create("ew-auth", "L2", resource("RegionOne", network),
                regionOnly("RegionTwo")), 201).text("global_id");
        networkAtTwo = networkAt(cluster.site("RegionOne").get(service).body(), "RegionTwo");
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void withoutCredentialsNothingIsAnswered() {
        SiteClient anonymous = cluster.site("RegionTwo").withToken(null);
        SiteClient.Answer deleted = anonymous.send("DELETE", "/api/intersite-horizontal/" + service, null);
        assertThat(deleted.status()).isEqualTo(401);
        assertThat(deleted.text("detail")).contains("service token");
        assertThat(anonymous.send("GET", "/api/intersite-horizontal/" + service, null).status()).isEqualTo(401);
        SiteClient.Answer pools = cluster.site("RegionOne").withToken(null).send("POST",
                "/api/intersite-horizontal/" + service + "/pools", poolRequest("RegionTwo"));
        assertThat(pools.status()).isEqualTo(401);
        assertUnchanged();
    }

    @Test
    void aUsersTokenIsNoPeers() {
        SiteClient alice = cluster.as(LocalIdentity.ALICE, "RegionTwo").asPeer(
                cluster.identity().tokenFor(LocalIdentity.ALICE), "RegionOne");
        assertThat(alice.send("DELETE", "/api/intersite-horizontal/" + service, null).status()).isEqualTo(403);
        assertUnchanged();
    }

    @Test
    void aValidPeerClaimingAnotherRegionIsRefused() {
        // RegionThree's own token, but claiming to be RegionOne (the master).
        SiteClient spoofing = cluster.site("RegionTwo").asPeer(cluster.identity().tokenFor("diminet-RegionThree"), "RegionOne");
        SiteClient.Answer deleted = spoofing.send("DELETE", "/api/intersite-horizontal/" + service, null);
        assertThat(deleted.status()).isEqualTo(403);
        assertThat(deleted.text("detail")).contains("diminet-RegionThree", "RegionOne");
        assertUnchanged();
    }

    @Test
    void aValidPeerThatIsNotTheMasterCannotChangeParts() {
        SiteClient three = cluster.asPeer("RegionThree", "RegionTwo");
        SiteClient.Answer deleted = three.send("DELETE", "/api/intersite-horizontal/" + service, null);
        assertThat(deleted.status()).as("delete a part behind its master's back").isEqualTo(403);
        assertThat(deleted.text("problem")).isEqualTo("peer-not-master");
        ObjectNode pools = SiteClient.JSON.createObjectNode();
        pools.set("resources", cluster.site("RegionTwo").get(service).body().get("resources"));
        pools.putArray("extra_pools").addObject().put("start", "192.168.81.200").put("end", "192.168.81.210");
        assertThat(three.send("PUT", "/api/intersite-horizontal/" + service, pools).status())
                .as("push a pool to a site").isEqualTo(403);
        assertThat(cluster.asPeer("RegionThree", "RegionOne").send("POST",
                "/api/intersite-horizontal/" + service + "/pools", poolRequest("RegionTwo")).status())
                .as("take pools from the ledger for another site").isEqualTo(403);
        assertThat(cluster.asPeer("RegionThree", "RegionOne").send("POST",
                "/api/intersite-horizontal/" + service + "/pools", poolRequest("RegionThree")).status())
                .as("take pools of a service it is not a site of").isIn(400, 403);
        assertUnchanged();
    }

    @Test
    void aPeerCannotForgeAPartForAServiceItDoesNotMaster() {
        String victim = cluster.site("RegionTwo").createNetwork("ew-victim", "10.81.2.0/24");
        ObjectNode forged = SiteClient.JSON.createObjectNode().put("operation", java.util.UUID.randomUUID().toString())
                .put("id", java.util.UUID.randomUUID().toString()).put("name", "forged").put("type", "L3")
                .put("project", "admin").put("master", "RegionOne");
        forged.putArray("resources").add(resource("RegionOne", java.util.UUID.randomUUID().toString()))
                .add(resource("RegionTwo", victim));
        SiteClient.Answer answer = cluster.asPeer("RegionThree", "RegionTwo").send("POST", "/api/intersite-horizontal", forged);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(cluster.site("RegionTwo").list().body()).noneMatch(s -> s.get("name").asText().equals("forged"));
    }

    private void assertUnchanged() {
        for (String region : java.util.List.of("RegionOne", "RegionTwo")) {
            JsonNode shown = cluster.site(region).get(service).body();
            assertThat(shown.get("state").asText()).as(region).isEqualTo("ACTIVE");
        }
        assertThat(networkAt(cluster.site("RegionTwo").get(service).body(), "RegionTwo")).isEqualTo(networkAtTwo);
        assertThat(cluster.site("RegionTwo").networks()).extracting(n -> n.get("id").asText()).contains(networkAtTwo);
    }

    private static ObjectNode poolRequest(String region) {
        return SiteClient.JSON.createObjectNode().put("region", region).put("request", "attack-" + System.nanoTime());
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
