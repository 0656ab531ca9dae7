package org.diminet.server.auth;

import org.diminet.openstack.keystone.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** Keystone's token API shapes, over a standalone MockMvc (no application context). */
class EmbeddedIdentityControllerTest {
    private static final String KEYSTONE_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";
    private static final String UNAUTHORIZED = """
            {"error":{"code":401,"title":"Unauthorized","message":"The request you have made requires authentication."}}""";

    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-22T12:00:00.123456789Z"));
    private final EmbeddedIdentity identity = new EmbeddedIdentity(EmbeddedIdentityTest.USERS, EmbeddedIdentityTest.KEY,
            Duration.ofHours(1), clock, "http://127.0.0.1:7575/v3");
    private final MockMvc mvc = mvc(identity, new EmbeddedCatalog("RegionOne", true));

    @Test
    void post_issuesAToken_inKeystonesShape() throws Exception {
        MvcResult result = mvc.perform(post("/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content(passwordAuth("alice", "alice-secret", "\"domain\": {\"id\": \"default\"}", "")))
                .andExpect(status().isCreated())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(header().exists("X-Subject-Token"))
                .andExpect(jsonPath("$.token.methods").value(Matchers.contains("password")))
                .andExpect(jsonPath("$.token.expires_at").value("2026-11-22T13:00:00.123000Z"))
                .andExpect(jsonPath("$.token.issued_at").value(Matchers.matchesPattern(KEYSTONE_TIME)))
                .andExpect(jsonPath("$.token.user.id").value("alice"))
                .andExpect(jsonPath("$.token.user.name").value("alice"))
                .andExpect(jsonPath("$.token.user.domain.id").value("default"))
                .andExpect(jsonPath("$.token.user.domain.name").value("Default"))
                .andExpect(jsonPath("$.token.project.id").value("demo"))
                .andExpect(jsonPath("$.token.project.name").value("demo"))
                .andExpect(jsonPath("$.token.project.domain.id").value("default"))
                .andExpect(jsonPath("$.token.roles[*].name").value(Matchers.containsInAnyOrder("member", "reader")))
                .andExpect(jsonPath("$.token.roles[*].id").value(Matchers.containsInAnyOrder("member", "reader")))
                .andExpect(jsonPath("$.token.catalog[*].type").value(Matchers.containsInAnyOrder("identity", "intersite",
                        "network")))
                .andReturn();

        String token = result.getResponse().getHeader("X-Subject-Token");
        assertThat(identity.validate(token)).hasValueSatisfying(info -> assertThat(info.projectId()).isEqualTo("demo"));
        assertThat(result.getResponse().getContentAsString()).doesNotContain(token).doesNotContain("alice-secret");
    }

    @Test
    void post_acceptsDomainsByName_andAProjectScope() throws Exception {
        mvc.perform(post("/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content(passwordAuth("root", "root-secret", "\"domain\": {\"name\": \"Default\"}",
                                ", \"scope\": {\"project\": {\"name\": \"admin\", \"domain\": {\"name\": \"Default\"}}}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token.project.name").value("admin"))
                .andExpect(jsonPath("$.token.roles[0].name").value("admin"));
    }

    @Test
    void post_badCredentialsOrAnotherProject_is401() throws Exception {
        expectUnauthorized(mvc.perform(post("/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                .content(passwordAuth("alice", "wrong", "", ""))));
        expectUnauthorized(mvc.perform(post("/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                .content(passwordAuth("mallory", "alice-secret", "", ""))));
        expectUnauthorized(mvc.perform(post("/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                .content(passwordAuth("alice", "alice-secret", "", ", \"scope\": {\"project\": {\"name\": \"admin\"}}"))));
    }

    @Test
    void post_whatThisIdentityNeverIssues_is401() throws Exception {
        expectUnauthorized(mvc.perform(post("/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"auth\": {\"identity\": {\"methods\": [\"token\"], \"token\": {\"id\": \"x\"}}}}")));
        expectUnauthorized(mvc.perform(post("/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                .content(passwordAuth("alice", "alice-secret", "", ", \"scope\": {\"domain\": {\"id\": \"default\"}}"))));
    }

    @Test
    void post_malformedBodies_are400_inKeystonesShape_echoingNothing() throws Exception {
        for (String body : new String[] {"", "not json", "{\"auth\": ", "[]", "{}", "{\"auth\": {}}",
                "{\"auth\": {\"identity\": {\"methods\": [\"password\"]}}}",
                "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"alice\"}}}}}",
                "{\"auth\": {\"identity\": {\"methods\": \"password\", \"password\": {\"user\": {\"password\": \"s3cr3t-pw\"}}}}}",
                "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"password\": \"s3cr3t-pw\"}}}}}"}) {
            mvc.perform(post("/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.error.code").value(400))
                    .andExpect(jsonPath("$.error.title").value("Bad Request"))
                    .andExpect(jsonPath("$.error.message").isNotEmpty())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("s3cr3t-pw"))));
        }
    }

    @Test
    void get_showsAValidToken_toItsOwner() throws Exception {
        String alice = issue("alice", "alice-secret");

        mvc.perform(get("/v3/auth/tokens").header("X-Auth-Token", alice).header("X-Subject-Token", alice))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(header().string("X-Subject-Token", alice))
                .andExpect(jsonPath("$.token.user.name").value("alice"))
                .andExpect(jsonPath("$.token.project.id").value("demo"))
                .andExpect(jsonPath("$.token.expires_at").value(Matchers.matchesPattern(KEYSTONE_TIME)))
                .andExpect(jsonPath("$.token.catalog[?(@.type == 'network')].endpoints[*].url")
                        .value(Matchers.everyItem(Matchers.is("http://localhost:80/neutron"))));
        mvc.perform(get("/v3/auth/tokens?nocatalog").header("X-Auth-Token", alice).header("X-Subject-Token", alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token.catalog").doesNotExist());
    }

    @Test
    void get_anotherUsersToken_needsAdminOrService() throws Exception {
        String alice = issue("alice", "alice-secret");
        String root = issue("root", "root-secret");
        String service = identity.issueFor("diminet-RegionOne").token();

        mvc.perform(get("/v3/auth/tokens").header("X-Auth-Token", alice).header("X-Subject-Token", root))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error.code").value(403))
                .andExpect(jsonPath("$.error.message").value(
                        "You are not authorized to perform the requested action: identity:validate_token."));
        mvc.perform(get("/v3/auth/tokens").header("X-Auth-Token", root).header("X-Subject-Token", alice))
                .andExpect(status().isOk());
        mvc.perform(get("/v3/auth/tokens").header("X-Auth-Token", service).header("X-Subject-Token", alice))
                .andExpect(status().isOk());
    }

    @Test
    void get_anUnknownToken_is404_withoutQuotingIt() throws Exception {
        String root = issue("root", "root-secret");
        String forged = "dmn1.eyJ1Ijoicm9vdCJ9.forged-signature";

        mvc.perform(get("/v3/auth/tokens").header("X-Auth-Token", root).header("X-Subject-Token", forged))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value(404))
                .andExpect(jsonPath("$.error.title").value("Not Found"))
                .andExpect(content().string(Matchers.not(Matchers.containsString(forged))));
    }

    @Test
    void get_withoutAValidAuthToken_is401() throws Exception {
        String alice = issue("alice", "alice-secret");

        expectUnauthorized(mvc.perform(get("/v3/auth/tokens").header("X-Subject-Token", alice)));
        expectUnauthorized(mvc.perform(get("/v3/auth/tokens").header("X-Auth-Token", "forged").header("X-Subject-Token", alice)));
        mvc.perform(get("/v3/auth/tokens").header("X-Auth-Token", alice))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(Matchers.containsString("X-Subject-Token")));
    }

    @Test
    void delete_revokesTheToken() throws Exception {
        String alice = issue("alice", "alice-secret");
        String root = issue("root", "root-secret");

        mvc.perform(delete("/v3/auth/tokens").header("X-Auth-Token", alice).header("X-Subject-Token", root))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/v3/auth/tokens").header("X-Auth-Token", root).header("X-Subject-Token", alice))
                .andExpect(status().isNoContent());

        assertThat(identity.validate(alice)).isEmpty();
        assertThat(identity.validate(root)).isPresent();
        mvc.perform(get("/v3/auth/tokens").header("X-Auth-Token", root).header("X-Subject-Token", alice))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/v3/auth/tokens").header("X-Auth-Token", root).header("X-Subject-Token", alice))
                .andExpect(status().isNotFound());
        expectUnauthorized(mvc.perform(delete("/v3/auth/tokens").header("X-Auth-Token", alice).header("X-Subject-Token", root)));
    }

    @Test
    void aRelativeIdentityUri_isNamedOnTheAddressTheClientUsed() throws Exception {
        EmbeddedIdentity relative = new EmbeddedIdentity(EmbeddedIdentityTest.USERS, EmbeddedIdentityTest.KEY,
                Duration.ofHours(1), clock, "/v3");

        mvc(relative, null).perform(post("http://10.0.0.7:7576/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content(passwordAuth("alice", "wrong", "", "")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Keystone uri=\"http://10.0.0.7:7576/v3\""));
    }

    @Test
    void theCatalog_listsTheSitesNeutron_asAKeystoneClientLooksItUp() throws Exception {
        String body = mvc.perform(post("http://10.0.0.7:7576/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content(passwordAuth("alice", "alice-secret", "", "")))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        JsonNode catalog = new ObjectMapper().readTree(body)
                .at("/token/catalog");

        // What keystoneauth and Tempest do: the service of type network, the endpoint of the interface and region.
        for (String anInterface : new String[] {"public", "internal", "admin"}) {
            assertThat(endpoint(catalog, "network", anInterface, "RegionOne")).as(anInterface)
                    .isEqualTo("http://10.0.0.7:7576/neutron");
            assertThat(endpoint(catalog, "identity", anInterface, "RegionOne")).isEqualTo("http://10.0.0.7:7576/v3");
            assertThat(endpoint(catalog, "intersite", anInterface, "RegionOne")).isEqualTo("http://10.0.0.7:7576");
        }
        assertThat(catalog.findValues("region")).extracting(JsonNode::asText)
                .as("older clients read 'region'").containsOnly("RegionOne");
        assertThat(endpoint(catalog, "network", "public", "RegionTwo")).as("another region's").isNull();
    }

    @Test
    void aSiteWithoutTheEmbeddedNeutron_listsNoNetworkService() throws Exception {
        mvc(identity, new EmbeddedCatalog("RegionOne", false))
                .perform(post("/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content(passwordAuth("alice", "alice-secret", "", "")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token.catalog[*].type").value(Matchers.containsInAnyOrder("identity", "intersite")));
    }

    @Test
    void aSiteWithoutEmbeddedIdentity_answers404_toEveryMethod() throws Exception {
        MockMvc keystoneSite = mvc(null, null);
        String alice = issue("alice", "alice-secret");

        for (ResultActions answer : new ResultActions[] {
                keystoneSite.perform(post("/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content(passwordAuth("alice", "alice-secret", "", ""))),
                keystoneSite.perform(get("/v3/auth/tokens").header("X-Auth-Token", alice).header("X-Subject-Token", alice)),
                keystoneSite.perform(delete("/v3/auth/tokens").header("X-Auth-Token", alice).header("X-Subject-Token", alice))}) {
            answer.andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.error.code").value(404))
                    .andExpect(jsonPath("$.error.title").value("Not Found"));
        }
    }

    @Test
    void besideKeystone_aLogIn_isPassedOnToKeystone_andItsAnswerComesBackAsItIs() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> received = new java.util.concurrent.atomic.AtomicReference<>();
        com.sun.net.httpserver.HttpServer keystone = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        keystone.createContext("/v3/auth/tokens", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            received.set(exchange.getRequestMethod() + " " + body);
            boolean good = body.contains("\"password\": \"right\"");
            byte[] answer = (good ? "{\"token\": {\"user\": {\"name\": \"carol\"}}}" : UNAUTHORIZED)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (good) {
                exchange.getResponseHeaders().add("X-Subject-Token", "gAAAA-keystone-token");
            }
            exchange.sendResponseHeaders(good ? 201 : 401, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        keystone.start();
        try {
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            beans.addBean("keystoneSignIn", new KeystoneSignIn(java.net.URI.create("http://127.0.0.1:"
                    + keystone.getAddress().getPort() + "/v3"), java.net.http.HttpClient.newHttpClient()));
            MockMvc site = MockMvcBuilders.standaloneSetup(new EmbeddedIdentityController(
                    beans.getBeanProvider(EmbeddedIdentity.class), beans.getBeanProvider(KeystoneSignIn.class),
                    beans.getBeanProvider(EmbeddedCatalog.class))).build();

            site.perform(post("/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                            .content(passwordAuth("carol", "right", "", "")))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("X-Subject-Token", "gAAAA-keystone-token"))
                    .andExpect(jsonPath("$.token.user.name").value("carol"));
            assertThat(received.get()).startsWith("POST ").contains("\"name\": \"carol\"");

            site.perform(post("/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                            .content(passwordAuth("carol", "wrong", "", "")))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().doesNotExist("X-Subject-Token"))
                    .andExpect(content().json(UNAUTHORIZED, JsonCompareMode.STRICT));
            // Only the log-in is passed on: checking or revoking tokens stays Keystone's own business.
            site.perform(get("/v3/auth/tokens").header("X-Auth-Token", "t").header("X-Subject-Token", "t"))
                    .andExpect(status().isNotFound());
        } finally {
            keystone.stop(0);
        }

        StaticListableBeanFactory gone = new StaticListableBeanFactory();
        gone.addBean("keystoneSignIn", new KeystoneSignIn(java.net.URI.create("http://127.0.0.1:"
                + keystone.getAddress().getPort() + "/v3"), java.net.http.HttpClient.newHttpClient()));
        MockMvcBuilders.standaloneSetup(new EmbeddedIdentityController(gone.getBeanProvider(EmbeddedIdentity.class),
                        gone.getBeanProvider(KeystoneSignIn.class), gone.getBeanProvider(EmbeddedCatalog.class))).build()
                .perform(post("/v3/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content(passwordAuth("carol", "right", "", "")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error.code").value(503));
    }

    /** The URL of {@code type}'s endpoint with that interface in that region (by {@code region_id}), or null. */
    private static String endpoint(JsonNode catalog, String type, String anInterface,
                                   String region) {
        for (JsonNode service : catalog) {
            if (service.path("type").asText().equals(type)) {
                for (JsonNode endpoint : service.path("endpoints")) {
                    if (endpoint.path("interface").asText().equals(anInterface)
                            && endpoint.path("region_id").asText().equals(region)) {
                        return endpoint.path("url").asText();
                    }
                }
            }
        }
        return null;
    }

    private String issue(String user, String password) {
        return identity.issue(user, password, Optional.empty()).token();
    }

    private static void expectUnauthorized(ResultActions answer) throws Exception {
        answer.andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().json(UNAUTHORIZED, JsonCompareMode.STRICT))
                .andExpect(header().string("WWW-Authenticate", "Keystone uri=\"http://127.0.0.1:7575/v3\""))
                .andExpect(header().doesNotExist("X-Subject-Token"));
    }

    private static String passwordAuth(String user, String password, String domain, String scope) {
        return """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s", "password": "%s"%s}}}%s}}"""
                .formatted(user, password, domain.isEmpty() ? "" : ", " + domain, scope);
    }

    private static MockMvc mvc(EmbeddedIdentity identity, EmbeddedCatalog catalog) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (identity != null) {
            beans.addBean("embeddedIdentity", identity);
        }
        if (catalog != null) {
            beans.addBean("embeddedCatalog", catalog);
        }
        return MockMvcBuilders.standaloneSetup(new EmbeddedIdentityController(beans.getBeanProvider(EmbeddedIdentity.class),
                        beans.getBeanProvider(KeystoneSignIn.class), beans.getBeanProvider(EmbeddedCatalog.class)))
                .build();
    }
}
