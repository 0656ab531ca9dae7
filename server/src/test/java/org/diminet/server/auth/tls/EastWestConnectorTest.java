package org.diminet.server.auth.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.diminet.server.settings.SiteConfigurationException;
import org.diminet.server.settings.SiteProperties.Tls;
import org.diminet.server.tls.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

/**
 * An embedded Tomcat customized by {@link EastWestConnector} alone (the application's other beans are not
 * needed to see who gets through the East-West port), behind a servlet that echoes what
 * {@link PeerCertificates} makes of each request.
 */
class EastWestConnectorTest {
    private static final String PASSWORD = TestPki.PASSWORD;
    private static final String PATH = "/api/intersite-horizontal/ping";

    @TempDir
    Path dir;
    TestPki pki;
    WebServer server;
    int eastWestPort;
    final AtomicInteger served = new AtomicInteger();

    @BeforeEach
    void pki() throws IOException {
        pki = TestPki.in(dir);
        eastWestPort = freePort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aPeerWithACertificateFromTheTrustedAuthorityGetsThroughAndIsKnownByItsRegion() throws Exception {
        start(new EastWestConnector(eastWestPort, EastWestTls.load(pki.tls("RegionOne"))));
        EastWestTls peer = EastWestTls.load(pki.tls("RegionTwo"));

        try (HttpClient client = client(peer.clientContext())) {
            HttpResponse<String> response = get(client, "https://127.0.0.1:" + eastWestPort + PATH);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("region=RegionTwo eastWestPort=true");
            assertThat(response.sslSession()).hasValueSatisfying(session ->
                    assertThat(session.getProtocol()).isEqualTo("TLSv1.3"));
        }
    }

    @Test
    void aCertificateFromAnUnknownAuthorityIsRefusedAtTheHandshake() throws Exception {
        start(new EastWestConnector(eastWestPort, EastWestTls.load(pki.tls("RegionOne"))));
        // It trusts the server, so that only its own certificate can be what fails.
        EastWestTls intruder = EastWestTls.load(new Tls(pki.unknown().keyStore("RegionTwo"), PASSWORD,
                pki.trusted().trustStore(), PASSWORD));

        try (HttpClient client = client(intruder.clientContext())) {
            assertThatThrownBy(() -> get(client, "https://127.0.0.1:" + eastWestPort + PATH))
                    .isInstanceOf(IOException.class)
                    .hasRootCauseInstanceOf(SSLHandshakeException.class);
        }
        assertThat(served).hasValue(0);
    }

    @Test
    void aClientWithoutACertificateIsRefusedAtTheHandshake() throws Exception {
        start(new EastWestConnector(eastWestPort, EastWestTls.load(pki.tls("RegionOne"))));

        try (HttpClient client = client(trustingOnly(pki.trusted().trustStore()))) {
            assertThatThrownBy(() -> get(client, "https://127.0.0.1:" + eastWestPort + PATH))
                    .isInstanceOf(IOException.class)
                    .hasRootCauseInstanceOf(SSLHandshakeException.class);
        }
        assertThat(served).hasValue(0);
    }

    @Test
    void aPeerRefusesAServerWhoseCertificateItsTrustStoreDoesNotVouchFor() throws Exception {
        start(new EastWestConnector(eastWestPort, EastWestTls.load(pki.tls("RegionOne"))));
        EastWestTls peer = EastWestTls.load(new Tls(pki.unknown().keyStore("RegionTwo"), PASSWORD,
                pki.unknown().trustStore(), PASSWORD));

        try (HttpClient client = client(peer.clientContext())) {
            assertThatThrownBy(() -> get(client, "https://127.0.0.1:" + eastWestPort + PATH))
                    .isInstanceOf(IOException.class)
                    .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
        }
    }

    @Test
    void plainHttpNeverReachesTheApplicationOnTheTlsPort() throws Exception {
        start(new EastWestConnector(eastWestPort, EastWestTls.load(pki.tls("RegionOne"))));

        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = get(client, "http://127.0.0.1:" + eastWestPort + PATH);

            // Tomcat answers a plain request on a TLS port itself, with 400 and "requires TLS".
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("requires TLS").doesNotContain("region=");
        }
        assertThat(served).hasValue(0);
    }

    @Test
    void theMainPortStaysAsItWasAndCarriesNoPeerRegion() throws Exception {
        start(new EastWestConnector(eastWestPort, EastWestTls.load(pki.tls("RegionOne"))));

        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = get(client, "http://127.0.0.1:" + server.getPort() + PATH);

            assertThat(response.body()).isEqualTo("region=- eastWestPort=false");
        }
    }

    @Test
    void theEastWestPortListensOnTheMainAddressOnly() throws Exception {
        start(new EastWestConnector(eastWestPort, EastWestTls.load(pki.tls("RegionOne"))));

        // All of 127.0.0.0/8 reaches the loopback interface: only a port bound to 127.0.0.1 refuses .2.
        assertThatThrownBy(() -> new Socket("127.0.0.2", eastWestPort).close()).isInstanceOf(ConnectException.class);
        new Socket("127.0.0.1", eastWestPort).close();
    }

    @Test
    void withTokensTheEastWestPortIsPlainHttp() throws Exception {
        start(new EastWestConnector(eastWestPort, null));

        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = get(client, "http://127.0.0.1:" + eastWestPort + PATH);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("region=- eastWestPort=true");
        }
    }

    @Test
    void protocolSettingsOfTheMainConnectorReachTheEastWestOneEvenWhenRegisteredLater() throws Exception {
        AtomicInteger customized = new AtomicInteger();
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.setAddress(InetAddress.getLoopbackAddress());
        new EastWestConnector(eastWestPort, null).customize(factory);
        // As Spring Boot's virtual-threads executor may be, after this customizer ran.
        factory.addProtocolHandlerCustomizers(handler -> customized.incrementAndGet());
        server = factory.getWebServer(context -> context.addServlet("echo", new Echo()).addMapping("/*"));
        server.start();

        assertThat(customized).as("main and East-West connectors").hasValue(2);
    }

    @Test
    void portZeroAddsNoConnector() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);

        new EastWestConnector(0, null).customize(factory);

        assertThat(factory.getAdditionalTomcatConnectors()).isEmpty();
    }

    @Test
    void theEastWestPortMustDifferFromTheMainOne() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(7575);

        assertThatThrownBy(() -> new EastWestConnector(7575, null).customize(factory))
                .isInstanceOf(SiteConfigurationException.class)
                .hasMessageContaining("diminet.east-west.port 7575 is server.port too");
        assertThatThrownBy(() -> new EastWestConnector(70000, null))
                .isInstanceOf(SiteConfigurationException.class)
                .hasMessageContaining("diminet.east-west.port 70000 is not a port");
    }

    private void start(EastWestConnector connector) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.setAddress(InetAddress.getLoopbackAddress());
        connector.customize(factory);
        server = factory.getWebServer(context -> context.addServlet("echo", new Echo()).addMapping("/*"));
        server.start();
    }

    /** What the authentication filter will see: the peer's region and whether it came by the East-West port. */
    private final class Echo extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            served.incrementAndGet();
            response.setContentType("text/plain");
            response.getWriter().print("region=" + PeerCertificates.regionOf(request).orElse("-")
                    + " eastWestPort=" + PeerCertificates.arrivedOnEastWestPort(request, eastWestPort));
        }
    }

    private static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static SSLContext trustingOnly(Path trustStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(trustStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
