package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.diminet.core.domain.Region;
import org.diminet.openstack.keystone.KeystoneCredentials;
import org.diminet.openstack.keystone.KeystoneOptions;
import org.diminet.openstack.keystone.KeystoneSession;
import org.diminet.server.auth.EmbeddedIdentity;
import org.diminet.server.settings.SiteProperties;
import org.diminet.server.launcher.LocalIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every North and Neutron request needs a valid token (401 with the identity's URL otherwise, as
 * OpenStack services answer); the embedded identity issues tokens the Keystone way; the region and
 * health stay open for probes; an OpenStack client finds the site's Neutron in the token's catalog; a
 * token that floods a site is slowed down with 429 while others go on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NorthAuthenticationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private MultiSiteCluster cluster;

    @BeforeAll
    void start() throws Exception {
        // RegionTwo limits each token to 5 requests per second, 5 at once; RegionOne has no limit.
        cluster = MultiSiteCluster.start(2, region -> region.equals("RegionTwo")
                ? Map.of("diminet.auth.rate-limit", "5", "diminet.auth.rate-burst", "5") : Map.of());
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private SiteClient one() {
        return cluster.site("RegionOne");
    }

    @Test
    void withoutAValidTokenEveryApiAnswers401NamingTheIdentity() throws Exception {
        String forged = cluster.identity().tokenFor(LocalIdentity.ALICE);
        forged = forged.substring(0, forged.length() - 3) + (forged.endsWith("AAA") ? "BBB" : "AAA");
        for (String token : new String[] {null, "", "not-a-token", forged, expiredToken()}) {
            SiteClient caller = one().withToken(token);
            for (String path : new String[] {"/api/intersite-vertical", "/neutron/v2.0/networks",
                    "/api/intersite-vertical/" + java.util.UUID.randomUUID()}) {
                HttpResponse<String> answer = get(path, token);
                assertThat(answer.statusCode()).as("%s with token %s", path, token == null ? "none" : "bad").isEqualTo(401);
                assertThat(answer.headers().firstValue("WWW-Authenticate")).as(path)
                        .hasValueSatisfying(h -> assertThat(h).startsWith("Keystone uri=\"http://127.0.0.1:").endsWith("/v3\""));
            }
            assertThat(caller.create("nope", "L3").status()).isEqualTo(401);
        }
        assertThat(get("/api/intersite-vertical", null).body()).contains("\"status\":401", "X-Auth-Token");
        assertThat(get("/neutron/v2.0/networks", null).body()).as("Neutron's error shape").contains("NeutronError", "HTTPUnauthorized");
    }

    @Test
    void probesNeedNoToken() throws Exception {
        assertThat(get("/api/region", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theEmbeddedIdentityIssuesValidatesAndRevokesTokensTheKeystoneWay() throws Exception {
        SiteProperties.User alice = cluster.identity().user(LocalIdentity.ALICE);
        ObjectNode auth = SiteClient.JSON.createObjectNode();
        ObjectNode user = auth.putObject("auth").putObject("identity");
        user.putArray("methods").add("password");
        user.putObject("password").putObject("user").put("name", alice.name()).put("password", alice.password())
                .putObject("domain").put("id", "default");
        HttpResponse<String> issued = post("/v3/auth/tokens", auth.toString());
        assertThat(issued.statusCode()).isEqualTo(201);
        String token = issued.headers().firstValue("X-Subject-Token").orElseThrow();
        assertThat(SiteClient.JSON.readTree(issued.body()).at("/token/project/name").asText()).isEqualTo(LocalIdentity.PROJECT_A);

        check(one().withToken(token).list(), 200);
        check(cluster.site("RegionTwo").withToken(token).list(), 200); // the same key: every site accepts it

        HttpResponse<String> revoked = HTTP.send(HttpRequest.newBuilder(URI.create(one().url + "/v3/auth/tokens"))
                .header("X-Auth-Token", token).header("X-Subject-Token", token).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(one().withToken(token).list().status()).as("revoked where it was revoked").isEqualTo(401);

        user.with("password").with("user").put("password", "wrong");
        assertThat(post("/v3/auth/tokens", auth.toString()).statusCode()).isEqualTo(401);
    }

    @Test
    void aKeystoneClientFindsTheSitesNeutronInTheCatalog_andUsesIt() throws Exception {
        SiteProperties.User alice = cluster.identity().user(LocalIdentity.ALICE);
        KeystoneSession session = new KeystoneSession(KeystoneCredentials.inDefaultDomain(URI.create(one().url + "/v3"),
                alice.name(), alice.password(), LocalIdentity.PROJECT_A), KeystoneOptions.defaults());

        Optional<URI> neutron = session.networkEndpoint(Region.of("RegionOne"));
        assertThat(neutron).contains(URI.create(one().url + "/neutron"));
        assertThat(session.diminetEndpoint(Region.of("RegionOne"))).as("the intersite endpoint")
                .contains(URI.create(one().url));
        assertThat(session.networkEndpoint(Region.of("RegionTwo"))).as("a site lists only itself").isEmpty();
        HttpResponse<String> networks = HTTP.send(HttpRequest.newBuilder(URI.create(neutron.orElseThrow() + "/v2.0/networks"))
                .header("X-Auth-Token", session.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(networks.statusCode()).isEqualTo(200);
        assertThat(networks.body()).startsWith("{\"networks\":");
    }

    @Test
    void aFloodingTokenIsSlowedDownWhileOthersAreServed() {
        SiteClient flooder = cluster.as(LocalIdentity.ALICE, "RegionTwo");
        int limited = 0;
        for (int i = 0; i < 30; i++) {
            SiteClient.Answer answer = flooder.list();
            if (answer.status() == 429) {
                limited++;
                assertThat(answer.text("problem")).isEqualTo("rate-limited");
            }
        }
        assertThat(limited).as("requests refused with 429 out of 30 sent at once").isGreaterThan(10);
        assertThat(cluster.as(LocalIdentity.BOB, "RegionTwo").list().status()).as("another token").isEqualTo(200);
        assertThat(cluster.as(LocalIdentity.ALICE, "RegionOne").list().status()).as("a site without the limit").isEqualTo(200);
    }

    private String expiredToken() {
        LocalIdentity identity = cluster.identity();
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC);
        EmbeddedIdentity issuer = new EmbeddedIdentity(identity.users(), Base64.getDecoder().decode(identity.signingKey()),
                Duration.ofHours(1), past, "/v3");
        SiteProperties.User alice = identity.user(LocalIdentity.ALICE);
        return issuer.issue(alice.name(), alice.password(), Optional.empty()).token();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(one().url + path)).GET();
        if (token != null && !token.isEmpty()) {
            request.header("X-Auth-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(one().url + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
