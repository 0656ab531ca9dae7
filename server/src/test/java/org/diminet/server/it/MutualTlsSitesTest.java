package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.regionOnly;
import static org.diminet.server.it.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.diminet.server.tls.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.util.FileSystemUtils;

/**
 * Three sites whose East-West API listens on its own port with mutual TLS (certificates from one test
 * authority, CN = region): services span the three, while a client with a certificate from an unknown
 * authority or none is refused at the handshake, a valid peer cannot claim another region, and the
 * main port refuses East-West calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutualTlsSitesTest {
    private static final List<String> REGIONS = List.of("RegionOne", "RegionTwo", "RegionThree");
    private final Map<String, Integer> eastWestPorts = new LinkedHashMap<>();
    private Path pkiDir;
    private TestPki pki;
    private MultiSiteCluster cluster;

    @BeforeAll
    void start() throws Exception {
        pkiDir = Files.createTempDirectory("diminet-pki-");
        pki = TestPki.in(pkiDir);
        for (String region : REGIONS) {
            eastWestPorts.put(region, MultiSiteCluster.freePort());
        }
        cluster = MultiSiteCluster.start(3, this::settings);
    }

    private Map<String, String> settings(String region) {
        var tls = pki.tls(region);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("diminet.east-west.port", String.valueOf(eastWestPorts.get(region)));
        settings.put("diminet.east-west.auth", "mtls");
        settings.put("diminet.east-west.tls.key-store", tls.keyStore().toString());
        settings.put("diminet.east-west.tls.key-store-password", tls.keyStorePassword());
        settings.put("diminet.east-west.tls.trust-store", tls.trustStore().toString());
        settings.put("diminet.east-west.tls.trust-store-password", tls.trustStorePassword());
        for (String peer : REGIONS) {
            if (!peer.equals(region)) {
                settings.put("diminet.peers." + peer, "https://127.0.0.1:" + eastWestPorts.get(peer));
            }
        }
        return settings;
    }

    @AfterAll
    void stop() {
        cluster.close();
        FileSystemUtils.deleteRecursively(pkiDir.toFile());
    }

    @Test
    void anL2ExtensionSpansThreeSitesOverMutualTls() {
        String network = cluster.site("RegionOne").createNetwork("mtls-l2", "192.168.91.0/24");
        String id = check(cluster.site("RegionOne").create("mtls-l2", "L2", resource("RegionOne", network),
                regionOnly("RegionTwo"), regionOnly("RegionThree")), 201).text("global_id");
        for (String region : REGIONS) {
            JsonNode part = check(cluster.site(region).get(id), 200).body();
            assertThat(part.get("state").asText()).as(region).isEqualTo("ACTIVE");
        }
        check(cluster.site("RegionTwo").delete(id), 204); // forwarded to the master over the East-West port
        for (String region : REGIONS) {
            assertThat(cluster.site(region).get(id).status()).as(region).isEqualTo(404);
        }
    }

    @Test
    void aCertificateFromAnUnknownAuthorityOrNoneIsRefusedAtTheHandshake() throws Exception {
        HttpClient stranger = client(pki.unknown().keyStore("RegionTwo"), pki.trusted().trustStore());
        assertThatThrownBy(() -> get(stranger, "RegionOne", "/api/intersite-horizontal/networks/x/cidrs", null))
                .isInstanceOf(SSLHandshakeException.class);
        HttpClient anonymous = client(null, pki.trusted().trustStore());
        assertThatThrownBy(() -> get(anonymous, "RegionOne", "/api/region", null)).isInstanceOf(IOException.class);
    }

    @Test
    void aTrustedPeerCannotClaimAnotherRegion() throws Exception {
        HttpClient three = client(pki.trusted().keyStore("RegionThree"), pki.trusted().trustStore());
        HttpResponse<String> honest = get(three, "RegionOne", "/api/intersite-horizontal/cidr-availability?cidr=10.99.0.0/24", "RegionThree");
        assertThat(honest.statusCode()).isEqualTo(200);
        HttpResponse<String> claiming = get(three, "RegionOne", "/api/intersite-horizontal/cidr-availability?cidr=10.99.0.0/24", "RegionTwo");
        assertThat(claiming.statusCode()).isEqualTo(403);
        assertThat(claiming.body()).contains("RegionThree", "RegionTwo");
    }

    @Test
    void theMainPortRefusesTheEastWestApi() {
        SiteClient.Answer answer = cluster.asPeer("RegionTwo", "RegionOne").send("GET",
                "/api/intersite-horizontal/cidr-availability?cidr=10.99.0.0/24", null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text("problem")).isEqualTo("wrong-port");
    }

    private HttpResponse<String> get(HttpClient client, String region, String path, String claim) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + eastWestPorts.get(region) + path));
        if (claim != null) {
            request.header("X-DIMINET-Region", claim);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client(Path keyStore, Path trustStore) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = null;
        if (keyStore != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore), TestPki.PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore));
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, TestPki.PASSWORD.toCharArray());
        }
        return store;
    }
}
