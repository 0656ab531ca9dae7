package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.regionOnly;
import static org.diminet.server.it.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.diminet.core.domain.Region;
import org.diminet.openstack.keystone.KeystoneCredentials;
import org.diminet.openstack.keystone.KeystoneOptions;
import org.diminet.openstack.keystone.KeystoneSession;
import org.diminet.openstack.lab.LabEnv;
import org.diminet.server.launcher.SiteLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Who may do what, against the lab's real Keystone and Neutrons: three DIMINET sites check users'
 * tokens with Keystone (valid works; expired, revoked, forged do not), keep alice's project-a and bob's
 * project-b apart at every site, let the admin see all, and create an L2 extension's remote networks in
 * the user's project in every Neutron. The sites believe a validated token for 1 s here (5 min by
 * default), so a revocation shows within the test.
 */
@Tag("lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenStackLabSecurityTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<ConfigurableApplicationContext> sites = new ArrayList<>();
    private final Map<Region, SiteClient> diminet = new LinkedHashMap<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private LabEnv lab;
    private Path dataRoot;
    private List<Region> regions;
    private KeystoneSession admin;
    private KeystoneSession alice;
    private KeystoneSession bob;

    @BeforeAll
    void startSitesBesideTheLab() throws Exception {
        lab = LabEnv.get();
        regions = lab.regions().subList(0, 3);
        admin = lab.newSession();
        alice = session("alice", "project-a");
        bob = session("bob", "project-b");
        dataRoot = Files.createTempDirectory("diminet-lab-security-");
        for (Region region : regions) {
            int port = lab.diminetUrl(region).getPort();
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("diminet.region", region.name());
            settings.put("server.port", port);
            settings.put("diminet.data-dir", dataRoot.resolve(region.name()).toString());
            settings.put("diminet.vim.kind", "neutron");
            settings.put("diminet.openstack.auth-url", lab.value("OS_AUTH_URL"));
            settings.put("diminet.openstack.username", "diminet-" + region.name());
            settings.put("diminet.openstack.password", lab.value("DIMINET_PASSWORD"));
            settings.put("diminet.openstack.project", "service");
            settings.put("diminet.auth.cache-time", "1s");
            sites.add(SiteLauncher.start(settings));
            diminet.put(region, new SiteClient(region.name(), "http://127.0.0.1:" + port, null));
        }
    }

    @AfterAll
    void stopSites() {
        sites.forEach(ConfigurableApplicationContext::close);
        FileSystemUtils.deleteRecursively(dataRoot.toFile());
    }

    private SiteClient at(int site, KeystoneSession who) {
        return diminet.get(regions.get(site)).withToken(who.token());
    }

    private LabNeutron neutron(int site, KeystoneSession who) {
        return new LabNeutron(who, regions.get(site));
    }

    @Test
    void aValidKeystoneTokenWorksAndAnExpiredRevokedOrForgedOneGets401() throws Exception {
        check(at(0, alice).list(), 200);

        SiteClient.Answer none = diminet.get(regions.get(0)).list();
        assertThat(none.status()).isEqualTo(401);
        HttpResponse<String> raw = HTTP.send(HttpRequest.newBuilder(URI.create(diminet.get(regions.get(0)).url
                + "/api/intersite-vertical")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.headers().firstValue("WWW-Authenticate")).hasValue("Keystone uri=\"" + lab.value("OS_AUTH_URL") + "\"");

        String forged = alice.token().substring(0, alice.token().length() - 4) + "AAAA";
        assertThat(diminet.get(regions.get(0)).withToken(forged).list().status()).as("forged").isEqualTo(401);

        String revoked = session("alice", "project-a").token();
        check(diminet.get(regions.get(1)).withToken(revoked).list(), 200);
        keystone("DELETE", "/auth/tokens", admin.token(), revoked, null);
        Thread.sleep(1_500); // past the site's 1 s belief in the token
        assertThat(diminet.get(regions.get(1)).withToken(revoked).list().status()).as("revoked").isEqualTo(401);

        assertThat(diminet.get(regions.get(2)).withToken(expiredToken()).list().status()).as("expired").isEqualTo(401);
    }

    @Test
    void aUserOfProjectANeitherSeesNorChangesNorNamesProjectBsThingsButTheAdminDoes() {
        String a1 = neutron(0, alice).createNetwork("sec-a1-" + run, "10.65.1.0/24");
        String a2 = neutron(1, alice).createNetwork("sec-a2-" + run, "10.65.2.0/24");
        String b3 = neutron(2, bob).createNetwork("sec-b3-" + run, "10.65.3.0/24");
        String b1 = neutron(0, bob).createNetwork("sec-b1-" + run, "10.65.4.0/24");
        try {
            String id = check(at(0, alice).create("sec-l3-" + run, "L3", resource(regions.get(0).name(), a1),
                    resource(regions.get(1).name(), a2)), 201).text("global_id");
            for (int site = 0; site < 2; site++) {
                assertThat(at(site, bob).list().body()).as("bob's list at %s", regions.get(site))
                        .noneMatch(s -> s.get("global_id").asText().equals(id));
                assertThat(at(site, bob).get(id).status()).isEqualTo(404);
                assertThat(at(site, bob).delete(id).status()).isEqualTo(404);
                assertThat(at(site, admin).get(id).status()).as("the admin sees it").isEqualTo(200);
            }
            Map<Region, Set<String>> before = inventories();
            SiteClient.Answer refused = at(0, bob).create("sec-steal-" + run, "L3", resource(regions.get(0).name(), b1),
                    resource(regions.get(1).name(), a2));
            assertThat(refused.status()).as("bob names alice's network at a remote site").isEqualTo(404);
            assertThat(at(2, bob).create("sec-steal2-" + run, "L3", resource(regions.get(2).name(), b3),
                    resource(regions.get(0).name(), a1)).status()).isEqualTo(404);
            assertThat(inventories()).as("no Neutron keeps anything of the refused requests").isEqualTo(before);
            check(at(1, alice).delete(id), 204);
        } finally {
            neutron(0, alice).deleteNetwork(a1);
            neutron(1, alice).deleteNetwork(a2);
            neutron(2, bob).deleteNetwork(b3);
            neutron(0, bob).deleteNetwork(b1);
        }
    }

    @Test
    void anL2ExtensionsRemoteNetworksAreOwnedByTheUsersProjectInEveryNeutron() {
        String network = neutron(0, alice).createNetwork("sec-l2-" + run, "10.66." + Math.floorMod(run.hashCode(), 200) + ".0/24");
        try {
            String id = check(at(0, alice).create("sec-l2-" + run, "L2", resource(regions.get(0).name(), network),
                    regionOnly(regions.get(1).name()), regionOnly(regions.get(2).name())), 201).text("global_id");
            JsonNode service = at(0, alice).get(id).body();
            for (JsonNode r : service.get("resources")) {
                Region region = Region.of(r.get("region").asText());
                JsonNode shown = new LabNeutron(admin, region).network(r.get("network").asText());
                assertThat(shown.get("project_id").asText()).as("owner at %s", region).isEqualTo(lab.value("LAB_PROJECT_A_ID"));
            }
            check(at(2, alice).delete(id), 204);
        } finally {
            neutron(0, alice).deleteNetwork(network);
        }
    }

    private Map<Region, Set<String>> inventories() {
        Map<Region, Set<String>> all = new LinkedHashMap<>();
        for (Region region : regions) {
            all.put(region, new LabNeutron(admin, region).inventory());
        }
        return all;
    }

    private KeystoneSession session(String user, String project) {
        return new KeystoneSession(new KeystoneCredentials(URI.create(lab.value("OS_AUTH_URL")), user,
                lab.value("LAB_USER_PASSWORD"), project, KeystoneCredentials.Domain.byId("default"),
                KeystoneCredentials.Domain.byId("default")), KeystoneOptions.defaults());
    }

    /** Keystone's tokens live an hour; one of an application credential expires with it, in seconds. */
    private String expiredToken() throws Exception {
        JsonNode me = SiteClient.JSON.readTree(keystone("GET", "/auth/tokens", admin.token(), admin.token(), null).body());
        String userId = me.at("/token/user/id").asText();
        ObjectNode create = SiteClient.JSON.createObjectNode();
        create.putObject("application_credential").put("name", "diminet-sec-" + run)
                .put("expires_at", Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).toString());
        JsonNode credential = SiteClient.JSON.readTree(keystone("POST", "/users/" + userId + "/application_credentials",
                admin.token(), null, create.toString()).body()).path("application_credential");
        ObjectNode auth = SiteClient.JSON.createObjectNode();
        ObjectNode identity = auth.putObject("auth").putObject("identity");
        identity.putArray("methods").add("application_credential");
        identity.putObject("application_credential").put("id", credential.path("id").asText())
                .put("secret", credential.path("secret").asText());
        String token = keystone("POST", "/auth/tokens", null, null, auth.toString()).headers()
                .firstValue("X-Subject-Token").orElseThrow();
        Thread.sleep(Duration.ofSeconds(5).toMillis());
        keystone("DELETE", "/users/" + userId + "/application_credentials/" + credential.path("id").asText(),
                admin.token(), null, null);
        return token;
    }

    private HttpResponse<String> keystone(String method, String path, String token, String subject, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(lab.value("OS_AUTH_URL") + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (subject != null) {
            request.header("X-Subject-Token", subject);
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isLessThan(300);
        return answer;
    }
}
