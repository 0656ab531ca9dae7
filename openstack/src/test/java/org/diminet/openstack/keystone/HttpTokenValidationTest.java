package org.diminet.openstack.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.diminet.openstack.http.HttpSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v3/auth/tokens} against a local HTTP server answering with bodies shaped as Keystone's (Zed). */
class HttpTokenValidationTest {
    private static final String SERVICE = "gAAAAABservice";
    private static final String SUBJECT = "gAAAAABsubject";
    private static final String PROJECT_SCOPED = """
            {"token": {"methods": ["password"], "user": {"domain": {"id": "default", "name": "Default"},
              "id": "4f1b0c1e6a3b4d7e9c2a1b0c1e6a3b4d", "name": "alice", "password_expires_at": null},
             "audit_ids": ["Jq0bRZ2iSgC4kWwC6FJ1ZQ"], "expires_at": "2026-11-22T13:45:37.000000Z",
             "issued_at": "2026-11-22T12:45:37.000000Z",
             "project": {"domain": {"id": "default", "name": "Default"}, "id": "9c1e2b3a4d5e6f708192a3b4c5d6e7f8",
              "name": "demo"}, "is_domain": false,
             "roles": [{"id": "r1", "name": "reader"}, {"id": "r2", "name": "member"}]}}""";

    private final List<HttpExchange> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status;
    private volatile String body;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aProjectToken_isItsUserProjectRolesAndExpiry_askedAsKeystonemiddlewareDoes() throws IOException {
        TokenValidationApi api = keystoneAnswering(200, PROJECT_SCOPED);

        Optional<ValidatedToken> token = api.validateToken(SERVICE, SUBJECT);

        assertThat(token).contains(new ValidatedToken("4f1b0c1e6a3b4d7e9c2a1b0c1e6a3b4d", "alice",
                "9c1e2b3a4d5e6f708192a3b4c5d6e7f8", "demo", java.util.Set.of("reader", "member"),
                Instant.parse("2026-11-22T13:45:37Z")));
        HttpExchange request = seen.getFirst();
        assertThat(request.getRequestMethod()).isEqualTo("GET");
        assertThat(request.getRequestURI().getPath()).isEqualTo("/v3/auth/tokens");
        assertThat(request.getRequestURI().getQuery()).isEqualTo("nocatalog");
        assertThat(request.getRequestHeaders().getFirst("X-Auth-Token")).isEqualTo(SERVICE);
        assertThat(request.getRequestHeaders().getFirst("X-Subject-Token")).isEqualTo(SUBJECT);
    }

    @Test
    void tokensOfADomainOrTheSystemOrUnscoped_haveNoProject_soAreEmpty() throws IOException {
        TokenValidationApi api = keystoneAnswering(200, """
                {"token": {"user": {"id": "u", "name": "alice"}, "expires_at": "2026-11-22T13:45:37.000000Z",
                 "domain": {"id": "default", "name": "Default"}, "roles": [{"id": "r", "name": "admin"}]}}""");
        assertThat(api.validateToken(SERVICE, SUBJECT)).isEmpty();

        body = """
                {"token": {"user": {"id": "u", "name": "alice"}, "expires_at": "2026-11-22T13:45:37.000000Z",
                 "system": {"all": true}, "roles": [{"id": "r", "name": "admin"}]}}""";
        assertThat(api.validateToken(SERVICE, SUBJECT)).isEmpty();

        body = """
                {"token": {"user": {"id": "u", "name": "alice"}, "expires_at": "2026-11-22T13:45:37.000000Z"}}""";
        assertThat(api.validateToken(SERVICE, SUBJECT)).isEmpty();
    }

    @Test
    void anExpiryWithoutZone_isUtc_asKeystoneWritesItForApplicationCredentials() throws IOException {
        TokenValidationApi api = keystoneAnswering(200, PROJECT_SCOPED.replace("2026-11-22T13:45:37.000000Z",
                "2026-11-22T13:45:37"));

        assertThat(api.validateToken(SERVICE, SUBJECT)).hasValueSatisfying(
                token -> assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-22T13:45:37Z")));
    }

    @Test
    void notFound_isEmpty() throws IOException {
        TokenValidationApi api = keystoneAnswering(404, """
                {"error": {"code": 404, "message": "Could not find token: gAAAAABsubject.", "title": "Not Found"}}""");

        assertThat(api.validateToken(SERVICE, SUBJECT)).isEmpty();
    }

    @Test
    void aTokenNoHeaderCanCarry_isEmpty_withoutAsking() throws IOException {
        TokenValidationApi api = keystoneAnswering(200, PROJECT_SCOPED);

        assertThat(api.validateToken(SERVICE, "abc\r\nX-Injected: 1")).isEmpty();
        assertThat(api.validateToken(SERVICE, "tökén")).isEmpty();
        assertThat(api.validateToken(SERVICE, "")).isEmpty();
        assertThat(api.validateToken(SERVICE, null)).isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void aRejectedServiceToken_isUnauthorized() throws IOException {
        TokenValidationApi api = keystoneAnswering(401, """
                {"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}""");

        assertThatThrownBy(() -> api.validateToken(SERVICE, SUBJECT))
                .isInstanceOfSatisfying(KeystoneException.class,
                        e -> assertThat(e.kind()).isEqualTo(KeystoneException.Kind.UNAUTHORIZED))
                .hasMessageContaining("no longer accepts the service token of user 'diminet'")
                .hasMessageNotContaining(SERVICE).hasMessageNotContaining(SUBJECT);
    }

    @Test
    void otherStatuses_areRefusals_thatNameNoToken() throws IOException {
        TokenValidationApi api = keystoneAnswering(403, """
                {"error": {"code": 403, "message": "You are not authorized to perform the requested action: \
                identity:validate_token on gAAAAABsubject.", "title": "Forbidden"}}""");

        assertThatThrownBy(() -> api.validateToken(SERVICE, SUBJECT))
                .isInstanceOfSatisfying(KeystoneException.class, e -> {
                    assertThat(e.kind()).isEqualTo(KeystoneException.Kind.REFUSED);
                    assertThat(e.status()).isEqualTo(403);
                })
                .hasMessageContaining("identity:validate_token")
                .hasMessageNotContaining(SUBJECT);

        status = 503;
        body = "<html><body>503 Service Unavailable</body></html>";
        assertThatThrownBy(() -> api.validateToken(SERVICE, SUBJECT))
                .isInstanceOfSatisfying(KeystoneException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void anAnswerWithoutUser_isABadResponse() throws IOException {
        TokenValidationApi api = keystoneAnswering(200, """
                {"token": {"expires_at": "2026-11-22T13:45:37.000000Z", "project": {"id": "p", "name": "demo"}}}""");

        assertThatThrownBy(() -> api.validateToken(SERVICE, SUBJECT))
                .isInstanceOfSatisfying(KeystoneException.class,
                        e -> assertThat(e.kind()).isEqualTo(KeystoneException.Kind.BAD_RESPONSE))
                .hasMessageContaining("user has no id");
    }

    @Test
    void noKeystone_isUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TokenValidationApi api = api(URI.create("http://127.0.0.1:" + port + "/v3"));

        assertThatThrownBy(() -> api.validateToken(SERVICE, SUBJECT))
                .isInstanceOfSatisfying(KeystoneException.class,
                        e -> assertThat(e.kind()).isEqualTo(KeystoneException.Kind.UNREACHABLE))
                .hasMessageNotContaining(SUBJECT);
    }

    private TokenValidationApi keystoneAnswering(int status, String body) throws IOException {
        this.status = status;
        this.body = body;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v3/auth/tokens", exchange -> {
            seen.add(exchange);
            byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(this.status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return api(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v3"));
    }

    private static TokenValidationApi api(URI authUrl) {
        KeystoneOptions options = KeystoneOptions.defaults().withRequestTimeout(Duration.ofSeconds(5));
        return new HttpIdentityApi(KeystoneCredentials.inDefaultDomain(authUrl, "diminet", "secret", "service"), options,
                HttpSupport.newClient(options.connectTimeout()));
    }
}
