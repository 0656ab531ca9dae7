package org.diminet.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.diminet.openstack.keystone.KeystoneSession;
import org.diminet.openstack.lab.LabEnv;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Token validation against the lab's real Keystone: valid, revoked, forged and expired tokens. */
@Tag("lab")
class KeystoneTokenValidatorLabTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LabEnv lab = LabEnv.get();
    private final String authUrl = lab.credentials().authUrl().toString();
    private final KeystoneSession service = lab.newSession();
    private final KeystoneTokenValidator validator = new KeystoneTokenValidator(service, Duration.ofMinutes(5),
            Clock.systemUTC());

    @Test
    void aValidToken_isItsUserProjectAndRoles_asKeystoneIssuedThem() throws Exception {
        Issued issued = passwordToken();

        Optional<TokenInfo> info = validator.validate(issued.token());

        assertThat(info).hasValueSatisfying(bearer -> {
            assertThat(bearer.userId()).isEqualTo(issued.body().at("/token/user/id").asText());
            assertThat(bearer.userName()).isEqualTo(lab.value("OS_USERNAME"));
            assertThat(bearer.projectId()).isEqualTo(issued.body().at("/token/project/id").asText());
            assertThat(bearer.projectName()).isEqualTo(lab.value("OS_PROJECT_NAME"));
            assertThat(bearer.roles()).isEqualTo(roles(issued.body())).contains("admin");
            assertThat(bearer.expiresAt()).isEqualTo(instant(issued.body().at("/token/expires_at").asText()));
            assertThat(bearer.isAdmin()).isTrue();
        });
    }

    @Test
    void aRevokedToken_isNoLongerValid() throws Exception {
        KeystoneTokenValidator uncached = new KeystoneTokenValidator(service, Duration.ZERO, Clock.systemUTC());
        String token = passwordToken().token();
        assertThat(uncached.validate(token)).isPresent();

        revoke(token);

        assertThat(uncached.validate(token)).isEmpty();
        assertThat(new KeystoneTokenValidator(service, Duration.ofMinutes(5), Clock.systemUTC()).validate(token)).isEmpty();
    }

    @Test
    void forgedTokens_areNotValid() throws Exception {
        String real = passwordToken().token();
        int middle = real.length() / 2;
        String altered = real.substring(0, middle) + (real.charAt(middle) == 'A' ? 'B' : 'A') + real.substring(middle + 1);
        byte[] random = new byte[140];
        new SecureRandom().nextBytes(random);

        assertThat(validator.validate(altered)).isEmpty();
        assertThat(validator.validate("gAAAAAB" + Base64.getUrlEncoder().encodeToString(random))).isEmpty();
        assertThat(validator.validate("not-a-token")).isEmpty();
        assertThat(validator.validate("line\r\nbreak")).isEmpty();
        assertThat(validator.validate(real)).isPresent();
    }

    /**
     * Keystone's tokens live an hour here; one authenticated by an application credential expires with
     * the credential, which can be made to expire in seconds.
     */
    @Test
    void anExpiredToken_isNotValid() throws Exception {
        Issued admin = passwordToken();
        String userId = admin.body().at("/token/user/id").asText();
        Instant credentialExpiry = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode create = JSON.createObjectNode();
        create.putObject("application_credential").put("name", "diminet-lab-expiry-" + UUID.randomUUID())
                .put("expires_at", credentialExpiry.toString());
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(authUrl + "/users/" + userId
                        + "/application_credentials")).header("X-Auth-Token", admin.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(create.toString())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode credential = JSON.readTree(created.body()).path("application_credential");
        try {
            ObjectNode auth = JSON.createObjectNode();
            ObjectNode identity = auth.putObject("auth").putObject("identity");
            identity.putArray("methods").add("application_credential");
            identity.putObject("application_credential").put("id", credential.path("id").asText())
                    .put("secret", credential.path("secret").asText());
            Issued shortLived = token(auth);
            Instant expiresAt = instant(shortLived.body().at("/token/expires_at").asText());
            assertThat(expiresAt).isBeforeOrEqualTo(credentialExpiry);

            assertThat(validator.validate(shortLived.token())).hasValueSatisfying(
                    bearer -> assertThat(bearer.expiresAt()).isEqualTo(expiresAt));
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 1_500);

            assertThat(validator.validate(shortLived.token())).as("past its expiry, though believed for 5 min").isEmpty();
            assertThat(new KeystoneTokenValidator(service, Duration.ofMinutes(5), Clock.systemUTC())
                    .validate(shortLived.token())).as("Keystone's own answer").isEmpty();
        } finally {
            send(HttpRequest.newBuilder(URI.create(authUrl + "/users/" + userId + "/application_credentials/"
                    + credential.path("id").asText())).header("X-Auth-Token", admin.token()).DELETE());
        }
    }

    @Test
    void aRevokedServiceToken_isRenewedOnce() throws Exception {
        String user = passwordToken().token();
        revoke(service.token());

        assertThat(validator.validate(user)).isPresent();

        assertThat(service.tokensIssued()).isEqualTo(2);
    }

    private record Issued(String token, JsonNode body) {
    }

    private Issued passwordToken() throws IOException, InterruptedException {
        ObjectNode auth = JSON.createObjectNode();
        ObjectNode root = auth.putObject("auth");
        ObjectNode identity = root.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", lab.value("OS_USERNAME")).put("password", lab.value("OS_PASSWORD"));
        user.putObject("domain").put("id", lab.value("OS_USER_DOMAIN_ID"));
        ObjectNode project = root.putObject("scope").putObject("project");
        project.put("name", lab.value("OS_PROJECT_NAME"));
        project.putObject("domain").put("id", lab.value("OS_PROJECT_DOMAIN_ID"));
        return token(auth);
    }

    private Issued token(ObjectNode auth) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(authUrl + "/auth/tokens?nocatalog"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(auth.toString())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new Issued(response.headers().firstValue("X-Subject-Token").orElseThrow(), JSON.readTree(response.body()));
    }

    /** Revokes as an operator would ({@code DELETE /v3/auth/tokens}), with another token. */
    private void revoke(String token) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(authUrl + "/auth/tokens"))
                .header("X-Auth-Token", passwordToken().token()).header("X-Subject-Token", token).DELETE());
        assertThat(response.statusCode()).as("revocation: " + response.body()).isEqualTo(204);
    }

    /** Keystone's times; those of application credentials' tokens come without zone, in UTC. */
    private static Instant instant(String text) {
        return text.endsWith("Z") ? Instant.parse(text) : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }

    private static Set<String> roles(JsonNode body) {
        Set<String> roles = new HashSet<>();
        body.at("/token/roles").forEach(role -> roles.add(role.path("name").asText()));
        return roles;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
