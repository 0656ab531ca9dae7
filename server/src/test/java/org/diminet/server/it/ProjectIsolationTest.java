package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.regionOnly;
import static org.diminet.server.it.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.diminet.server.launcher.LocalIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Services belong to the project of the token that made them: alice (project-a) and bob (project-b)
 * each see and change only their own, may name only their own project's networks at any site, and an
 * L2 extension's remote networks belong to the user's project; the admin sees all and may act for a
 * project. Three sites with the embedded identity; every check reads the sites as a user would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectIsolationTest {
    private MultiSiteCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = MultiSiteCluster.start(3);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private SiteClient alice(int site) {
        return cluster.as(LocalIdentity.ALICE, cluster.region(site));
    }

    private SiteClient bob(int site) {
        return cluster.as(LocalIdentity.BOB, cluster.region(site));
    }

    @Test
    void anotherProjectsServiceIsInvisibleAndUntouchableButTheAdminSeesIt() {
        String a1 = alice(0).createNetwork("iso-a1", "10.71.1.0/24");
        String a2 = alice(1).createNetwork("iso-a2", "10.71.2.0/24");
        String id = check(alice(0).create("alice-l3", "L3", resource("RegionOne", a1), resource("RegionTwo", a2)), 201)
                .text("global_id");
        assertThat(alice(0).get(id).text("project")).isEqualTo(LocalIdentity.PROJECT_A);

        for (int site = 0; site < 2; site++) {
            assertThat(ids(bob(site).list())).as("bob's list at site %d", site).doesNotContain(id);
            assertThat(bob(site).get(id).status()).as("bob reads at site %d", site).isEqualTo(404);
            assertThat(bob(site).put(id, resource("RegionOne", a1)).status()).isEqualTo(404);
            assertThat(bob(site).delete(id).status()).as("bob deletes at site %d", site).isEqualTo(404);
            assertThat(bob(site).send("POST", "/api/intersite-vertical/" + id + "/pools", null).status()).isEqualTo(404);
        }
        assertThat(alice(1).get(id).text("state")).as("still there after bob's tries").isEqualTo("ACTIVE");
        assertThat(ids(cluster.site(cluster.region(1)).list())).as("the admin sees every project's services").contains(id);

        // alice deletes at a site that is not the master: her own token goes to the master with the request.
        check(alice(1).delete(id), 204);
        assertThat(alice(0).get(id).status()).isEqualTo(404);
    }

    @Test
    void aUserCanNameOnlyTheirOwnProjectsNetworksAtEverySite() {
        String aliceRemote = alice(1).createNetwork("iso-alice-remote", "10.72.2.0/24");
        String bobLocal = bob(0).createNetwork("iso-bob-local", "10.72.1.0/24");
        String bobRemote = bob(1).createNetwork("iso-bob-remote", "10.72.3.0/24");

        SiteClient.Answer local = bob(0).create("bob-uses-alice", "L3", resource("RegionOne", bobLocal),
                resource("RegionTwo", aliceRemote));
        assertThat(local.status()).as("alice's network at a remote site").isEqualTo(404);
        assertThat(local.text("detail")).contains(aliceRemote, "RegionTwo");
        assertThat(names(cluster.site(cluster.region(0)).list())).as("nothing left of the refused request")
                .doesNotContain("bob-uses-alice");
        assertThat(names(cluster.site(cluster.region(1)).list())).doesNotContain("bob-uses-alice");

        SiteClient.Answer master = alice(0).create("alice-uses-bob", "L3", resource("RegionOne", bobLocal),
                resource("RegionTwo", aliceRemote));
        assertThat(master.status()).as("bob's network at the master").isEqualTo(404);
        assertThat(master.text("detail")).contains(bobLocal, "RegionOne");
        // The master reads its network beside the other site's part, which was made and then undone.
        assertThat(names(cluster.site(cluster.region(1)).list())).as("nothing left at the other site")
                .doesNotContain("alice-uses-bob");
        assertThat(names(cluster.site(cluster.region(0)).list())).doesNotContain("alice-uses-bob");

        String ok = check(bob(0).create("bob-own", "L3", resource("RegionOne", bobLocal),
                resource("RegionTwo", bobRemote)), 201).text("global_id");
        check(bob(0).delete(ok), 204);
    }

    @Test
    void theAdminMayActForAProjectAndOnlyTheAdmin() {
        String b1 = bob(0).createNetwork("iso-b1", "10.73.1.0/24");
        String b2 = bob(2).createNetwork("iso-b2", "10.73.3.0/24");
        ObjectNode forBob = body("for-bob", b1, b2).put("project_id", LocalIdentity.PROJECT_B);

        assertThat(alice(0).send("POST", "/api/intersite-vertical", forBob).status())
                .as("alice may not create for project-b").isEqualTo(403);
        String id = check(cluster.site(cluster.region(0)).send("POST", "/api/intersite-vertical", forBob), 201)
                .text("global_id");
        assertThat(bob(0).get(id).text("project")).as("bob owns what the admin made for him")
                .isEqualTo(LocalIdentity.PROJECT_B);
        check(bob(2).delete(id), 204);
    }

    @Test
    void anL2ExtensionsRemoteNetworksBelongToTheUsersProject() {
        String network = alice(0).createNetwork("iso-l2", "192.168.71.0/24");
        String id = check(alice(0).create("alice-l2", "L2", resource("RegionOne", network), regionOnly("RegionTwo"),
                regionOnly("RegionThree")), 201).text("global_id");
        JsonNode service = alice(0).get(id).body();
        for (JsonNode r : service.get("resources")) {
            String region = r.get("region").asText();
            String remote = r.get("network").asText();
            JsonNode shown = cluster.site(region).send("GET", "/neutron/v2.0/networks/" + remote, null).body().get("network");
            assertThat(shown.get("project_id").asText()).as("owner of the network at %s", region)
                    .isEqualTo(LocalIdentity.PROJECT_A);
            assertThat(alice(cluster.regions().indexOf(region)).send("GET", "/neutron/v2.0/networks/" + remote, null)
                    .status()).as("alice sees her network at %s", region).isEqualTo(200);
            assertThat(bob(cluster.regions().indexOf(region)).send("GET", "/neutron/v2.0/networks/" + remote, null)
                    .status()).as("bob does not see it at %s", region).isEqualTo(404);
        }
        check(alice(2).delete(id), 204);
    }

    private static ObjectNode body(String name, String one, String three) {
        ObjectNode body = SiteClient.JSON.createObjectNode().put("name", name).put("type", "L3");
        body.putArray("resources").add(resource("RegionOne", one)).add(resource("RegionThree", three));
        return body;
    }

    private static List<String> ids(SiteClient.Answer list) {
        return field(list, "global_id");
    }

    private static List<String> names(SiteClient.Answer list) {
        return field(list, "name");
    }

    private static List<String> field(SiteClient.Answer list, String name) {
        check(list, 200);
        return java.util.stream.StreamSupport.stream(list.body().spliterator(), false)
                .map(s -> s.get(name).asText()).toList();
    }
}
