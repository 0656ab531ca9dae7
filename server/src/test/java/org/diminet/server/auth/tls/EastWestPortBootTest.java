package org.diminet.server.auth.tls;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.diminet.server.settings.SiteProperties;
import org.diminet.server.tls.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link EastWestTlsWiring} in a Spring Boot web application (only the web part, not the whole site):
 * Spring applies the connector bean, on {@code server.address}, with the main connector's executor.
 */
class EastWestPortBootTest {
    @TempDir
    Path dir;

    @Test
    void aSiteWithMutualTlsServesPeersOnItsEastWestPort() throws Exception {
        TestPki pki = TestPki.in(dir);
        SiteProperties.Tls tls = pki.tls("RegionOne");
        int eastWestPort = freePort();
        try (ConfigurableApplicationContext site = new SpringApplicationBuilder(Site.class).properties(
                "server.address=127.0.0.1", "server.port=0", "spring.threads.virtual.enabled=true",
                "spring.main.banner-mode=off",
                "diminet.region=RegionOne", "diminet.project=default", "diminet.data-dir=" + dir,
                "diminet.east-west.port=" + eastWestPort, "diminet.east-west.auth=mtls",
                "diminet.east-west.tls.key-store=" + tls.keyStore(),
                "diminet.east-west.tls.key-store-password=" + TestPki.PASSWORD,
                "diminet.east-west.tls.trust-store=" + tls.trustStore(),
                "diminet.east-west.tls.trust-store-password=" + TestPki.PASSWORD).run()) {
            EastWestTls peer = EastWestTls.load(pki.tls("RegionTwo"));
            int mainPort = ((WebServerApplicationContext) site).getWebServer().getPort();

            try (HttpClient client = HttpClient.newBuilder().sslContext(peer.clientContext())
                    .sslParameters(peer.clientParameters()).connectTimeout(Duration.ofSeconds(5)).build()) {
                assertThat(get(client, "https://127.0.0.1:" + eastWestPort + "/api/intersite-horizontal/who"))
                        .isEqualTo("RegionTwo on " + eastWestPort + ", virtual thread");
                assertThat(get(client, "http://127.0.0.1:" + mainPort + "/api/intersite-horizontal/who"))
                        .isEqualTo("nobody on " + mainPort + ", virtual thread");
            }
        }
    }

    private static String get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            EmbeddedWebServerFactoryCustomizerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class})
    @EnableConfigurationProperties(SiteProperties.class)
    @Import({EastWestTlsWiring.class, Who.class})
    static class Site {
    }

    @RestController
    static class Who {
        @GetMapping("/api/intersite-horizontal/who")
        String who(HttpServletRequest request) {
            return PeerCertificates.regionOf(request).orElse("nobody") + " on " + request.getLocalPort()
                    + (Thread.currentThread().isVirtual() ? ", virtual thread" : ", platform thread");
        }
    }
}
