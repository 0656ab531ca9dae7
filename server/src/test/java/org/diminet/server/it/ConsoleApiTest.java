package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.regionOnly;
import static org.diminet.server.it.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.diminet.server.it.SiteClient.Answer;
import org.diminet.server.launcher.LocalIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the web console needs of a site besides the North API, over plain HTTP (no browser): its files
 * without a token, the networks a user may pick at this site and at a peer, and each site's part of a
 * service with its pools placed in the CIDR and how full they are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleApiTest {
    private MultiSiteCluster cluster;
    private String oneNetwork;
    private String twoNetwork;

    @BeforeAll
    void start() throws Exception {
        cluster = MultiSiteCluster.start(3);
        oneNetwork = alice(0).createNetwork("console-one", "10.61.0.0/24");
        twoNetwork = alice(1).createNetwork("console-two", "10.62.0.0/24");
        cluster.as(LocalIdentity.BOB, cluster.region(1)).createNetwork("bobs", "10.63.0.0/24");
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void theConsoleFilesNeedNoToken_butTheApiStillDoes() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("/console/main.js").contains("Content-Security-Policy");
        HttpResponse<String> script = get("/console/main.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(get("/console/no-such-file.js").statusCode()).isEqualTo(404);

        assertThat(alice(0).withToken(null).send("GET", "/api/networks", null).status()).isEqualTo(401);
        assertThat(alice(0).withToken(null).send("GET", "/api/intersite-vertical", null).status()).isEqualTo(401);
    }

    @Test
    void networks_areTheCallersOwn_hereOrReadFromAPeer() {
        JsonNode here = check(alice(0).send("GET", "/api/networks", null), 200).body();
        assertThat(here.get("region").asText()).isEqualTo("RegionOne");
        assertThat(names(here)).containsExactly("console-one");
        assertThat(here.get("networks").get(0).get("id").asText()).isEqualTo(oneNetwork);
        assertThat(here.get("networks").get(0).get("cidrs").get(0).asText()).isEqualTo("10.61.0.0/24");
        assertThat(here.get("networks").get(0).get("project").asText()).isEqualTo(LocalIdentity.PROJECT_A);

        JsonNode there = check(alice(0).send("GET", "/api/networks?region=RegionTwo", null), 200).body();
        assertThat(there.get("region").asText()).isEqualTo("RegionTwo");
        assertThat(names(there)).as("alice's network at RegionTwo, not bob's").containsExactly("console-two");
        JsonNode bobs = check(cluster.as(LocalIdentity.BOB, "RegionOne").send("GET", "/api/networks?region=RegionTwo", null), 200).body();
        assertThat(names(bobs)).containsExactly("bobs");
        JsonNode admins = check(cluster.site("RegionOne").send("GET", "/api/networks?region=RegionTwo", null), 200).body();
        assertThat(names(admins)).as("an admin sees every project's").containsExactlyInAnyOrder("console-two", "bobs");

        Answer unknown = alice(0).send("GET", "/api/networks?region=RegionNine", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("field")).isEqualTo("region");
    }

    @Test
    void sites_describeEachPart_withPoolsPlacedInTheCidr_andHowFullEachIs() {
        String extended = alice(0).createNetwork("console-l2", "10.64.0.0/24");
        String id = check(alice(0).create("console-l2", "L2", resource("RegionOne", extended), regionOnly("RegionTwo")), 201)
                .text("global_id");
        alice(0).createPortIp(extended);
        alice(0).createPortIp(extended);

        JsonNode seenAtMaster = check(alice(0).send("GET", "/api/intersite-vertical/" + id + "/sites", null), 200).body();
        assertThat(seenAtMaster.get("cidr").asText()).isEqualTo("10.64.0.0/24");
        JsonNode master = part(seenAtMaster, "RegionOne");
        JsonNode two = part(seenAtMaster, "RegionTwo");
        assertThat(master.get("master").asBoolean()).isTrue();
        assertThat(master.get("network").asText()).isEqualTo(extended);
        assertThat(master.get("ports_used").asInt()).as("the master counts its own machines").isEqualTo(2);
        assertThat(two.get("reachable").asBoolean()).isTrue();
        assertThat(two.get("ports_used").asInt()).isZero();
        assertThat(two.get("pool_size").asInt()).isPositive();
        List<double[]> spans = new ArrayList<>();
        for (JsonNode site : List.of(master, two)) {
            for (JsonNode pool : site.get("pools")) {
                double from = pool.get("from").asDouble();
                double to = pool.get("to").asDouble();
                assertThat(from).isGreaterThan(0).isLessThan(to);
                assertThat(to).isLessThan(1);
                spans.add(new double[] {from, to});
            }
        }
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                assertThat(spans.get(i)[1] <= spans.get(j)[0] || spans.get(j)[1] <= spans.get(i)[0])
                        .as("pools do not overlap").isTrue();
            }
        }
        String twoNetworkOfService = two.get("network").asText();
        alice(1).createPortIp(twoNetworkOfService);
        JsonNode seenAtTwo = check(alice(1).send("GET", "/api/intersite-vertical/" + id + "/sites", null), 200).body();
        assertThat(part(seenAtTwo, "RegionTwo").get("ports_used").asInt()).isEqualTo(1);
        assertThat(part(seenAtTwo, "RegionOne").get("ports_used").isNull())
                .as("the master's own network's count is not reported to other sites").isTrue();

        assertThat(cluster.as(LocalIdentity.BOB, "RegionOne").send("GET", "/api/intersite-vertical/" + id + "/sites", null).status())
                .as("another project's service").isEqualTo(404);
    }

    @Test
    void aSiteThatIsDown_isNamed_bothInItsNetworksAndInTheParts() throws Exception {
        String id = check(alice(0).create("console-l3", "L3", resource("RegionOne", oneNetwork),
                resource("RegionThree", alice(2).createNetwork("console-three", "10.65.0.0/24"))), 201).text("global_id");
        cluster.stop("RegionThree");

        Answer networks = alice(0).send("GET", "/api/networks?region=RegionThree", null);
        assertThat(networks.status()).isEqualTo(503);
        assertThat(networks.text("region")).isEqualTo("RegionThree");

        JsonNode parts = check(alice(0).send("GET", "/api/intersite-vertical/" + id + "/sites", null), 200).body();
        JsonNode three = part(parts, "RegionThree");
        assertThat(three.get("reachable").asBoolean()).isFalse();
        assertThat(three.get("error").asText()).contains("RegionThree");
        assertThat(part(parts, "RegionOne").get("cidrs").get(0).asText()).isEqualTo("10.61.0.0/24");
    }

    private static JsonNode part(JsonNode parts, String region) {
        for (JsonNode site : parts.get("sites")) {
            if (site.get("region").asText().equals(region)) {
                return site;
            }
        }
        throw new AssertionError("no part of " + region + " in " + parts);
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("networks").forEach(n -> names.add(n.get("name").asText()));
        return names;
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(cluster.site(0).url + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private SiteClient alice(int index) {
        return cluster.as(LocalIdentity.ALICE, cluster.region(index));
    }
}
