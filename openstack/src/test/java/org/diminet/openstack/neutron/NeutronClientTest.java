package org.diminet.openstack.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.VimException;
import org.diminet.openstack.http.HttpSupport;
import org.diminet.openstack.keystone.TestSessions;
import org.junit.jupiter.api.Test;

/** Error reporting without a Neutron: error bodies as Neutron writes them, and sockets that refuse or stay silent. */
class NeutronClientTest {
    private static final Region TWO = Region.of("RegionTwo");

    @Test
    void neutronError_keepsTypeAndMessage() {
        NeutronApiException e = NeutronClient.error("POST", "/v2.0/subnets", new NeutronClient.Response("/v2.0/x", 400, "application/json",
                "{\"NeutronError\": {\"type\": \"OutOfBoundsAllocationPool\", \"message\": \"The allocation pool "
                        + "10.0.1.1-10.0.1.100 spans beyond the subnet cidr 10.0.0.0/24.\", \"detail\": \"\"}}"));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.type()).isEqualTo("OutOfBoundsAllocationPool");
        assertThat(e.neutronMessage()).isEqualTo("The allocation pool 10.0.1.1-10.0.1.100 spans beyond the subnet cidr 10.0.0.0/24.");
    }

    @Test
    void keystoneMiddlewares401_isRead() {
        NeutronApiException e = NeutronClient.error("GET", "/v2.0/networks", new NeutronClient.Response("/v2.0/x", 401, "application/json",
                "{\"error\":{\"code\":401,\"title\":\"Unauthorized\",\"message\":\"The request you have made requires authentication.\"}}"));

        assertThat(e.type()).isEqualTo("Unauthorized");
        assertThat(e.neutronMessage()).isEqualTo("The request you have made requires authentication.");
    }

    @Test
    void htmlErrorPages_becomeTheirText() {
        NeutronApiException e = NeutronClient.error("GET", "/v2.0/networks", new NeutronClient.Response("/v2.0/x", 503, "text/html; charset=UTF-8",
                "<html>\n <head>\n  <title>503 Service Unavailable</title>\n </head>\n <body>\n  <h1>503 Service Unavailable</h1>\n"
                        + "  The Keystone service is temporarily unavailable.<br /><br />\n\n\n\n </body>\n</html>"));

        assertThat(e.type()).isNull();
        assertThat(e.neutronMessage()).isEqualTo(
                "503 Service Unavailable 503 Service Unavailable The Keystone service is temporarily unavailable.");
    }

    @Test
    void emptyAndLongBodies_areShownReadably() {
        assertThat(NeutronClient.error("DELETE", "/x", new NeutronClient.Response("/v2.0/x", 500, "", "")).neutronMessage())
                .isEqualTo("(empty body)");
        assertThat(HttpSupport.snippet("text/plain", "x".repeat(1000))).hasSize(301).endsWith("…");
    }

    @Test
    void connectionRefused_isAVimFailureNamingRegionAndEndpoint() throws IOException {
        URI endpoint = URI.create("http://127.0.0.1:" + freePort());
        NeutronVim vim = new NeutronVim(client(endpoint, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> vim.findNetwork(NetworkId.of(UUID.randomUUID().toString())))
                .isInstanceOf(VimException.class)
                .satisfies(e -> assertThat(((VimException) e).region()).isEqualTo(TWO))
                .hasMessageStartingWith("VIM of RegionTwo: Neutron at " + endpoint + " did not answer GET /v2.0/networks/")
                .hasMessageEndingWith("connection refused");
    }

    @Test
    void silence_isAVimFailureSayingHowLongItWaited() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            NeutronVim vim = new NeutronVim(client(URI.create("http://127.0.0.1:" + silent.getLocalPort()), Duration.ofMillis(300)));

            assertThatThrownBy(vim::allSubnets)
                    .isInstanceOf(VimException.class)
                    .hasMessageContaining("VIM of RegionTwo: Neutron at http://127.0.0.1:" + silent.getLocalPort())
                    .hasMessageEndingWith("no answer within 300 ms");
            acceptor.interrupt();
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void aRegionMissingFromTheCatalog_isAVimFailure() {
        NeutronClient client = new NeutronClient(TestSessions.withNetworkEndpoints(Map.of(), Duration.ofSeconds(1),
                HttpSupport.newClient(Duration.ofSeconds(1))), TWO);

        assertThatThrownBy(() -> new NeutronVim(client).allSubnets())
                .isInstanceOf(VimException.class)
                .hasMessageContaining("has no 'public' network endpoint for RegionTwo");
    }

    private static NeutronClient client(URI endpoint, Duration timeout) {
        return new NeutronClient(TestSessions.withNetworkEndpoints(Map.of(TWO, endpoint), timeout,
                HttpSupport.newClient(Duration.ofSeconds(2))), TWO, Optional.empty());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
