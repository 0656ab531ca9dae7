package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;

/**
 * Keystone v3's token API, as the openstack client uses it: password log-in scoped to a project
 * ({@code POST /v3/auth/tokens}), and reading a given token's catalog ({@code GET /v3/auth/tokens}).
 * A DIMINET site in embedded mode answers both in Keystone's shapes, with an empty catalog.
 */
final class IdentityClient {
    private final HttpJson http;
    private final String identityUrl;

    IdentityClient(HttpJson http, String authUrl) {
        this.http = http;
        this.identityUrl = versioned(authUrl);
    }

    /** {@code http://host:5000} and {@code http://host:5000/v3/} both mean {@code http://host:5000/v3}. */
    static String versioned(String authUrl) {
        String url = authUrl.strip().replaceAll("/+$", "");
        return url.endsWith("/v3") ? url : url + "/v3";
    }

    IdentityToken logIn(ConnectionSettings settings) {
        String user = settings.require(Setting.USERNAME, "to log in");
        String password = settings.require(Setting.PASSWORD, "to log in as " + user);
        ObjectNode auth = HttpJson.JSON.createObjectNode();
        ObjectNode identity = auth.putObject("auth").putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode userNode = identity.putObject("password").putObject("user");
        userNode.put("name", user).put("password", password);
        userNode.putObject("domain").put("name", settings.require(Setting.USER_DOMAIN_NAME, "to log in"));
        Optional<String> project = settings.get(Setting.PROJECT_NAME);
        project.ifPresent(name -> {
            ObjectNode scoped = ((ObjectNode) auth.get("auth")).putObject("scope").putObject("project").put("name", name);
            scoped.putObject("domain").put("name", settings.require(Setting.PROJECT_DOMAIN_NAME, "to log in"));
        });
        HttpJson.Answer answer = http.send("POST", tokensUri(), Optional.empty(), auth);
        String who = "user " + user + project.map(p -> " (project " + p + ")").orElse("");
        if (answer.status() == 401) {
            throw new AccessError("the identity service at " + identityUrl + " refused the credentials of " + who
                    + keystoneMessage(answer));
        }
        if (!answer.ok()) {
            throw new AccessError("the identity service at " + identityUrl + " did not log in " + who + ": HTTP "
                    + answer.status() + keystoneMessage(answer));
        }
        String token = answer.header("X-Subject-Token")
                .orElseThrow(() -> new AccessError("the identity service at " + identityUrl + " gave no X-Subject-Token"));
        return new IdentityToken(token, catalogIn(answer.body()), identityUrl);
    }

    /** The catalog of a token the user already has (Keystone lets a token read itself). */
    IdentityToken inspect(String token) {
        HttpJson.Answer answer = http.send("GET", tokensUri(), Optional.of(token), null, "X-Subject-Token", token);
        if (!answer.ok()) {
            throw new AccessError("the identity service at " + identityUrl + " did not accept the token: HTTP "
                    + answer.status() + keystoneMessage(answer));
        }
        return new IdentityToken(token, catalogIn(answer.body()), identityUrl);
    }

    private URI tokensUri() {
        try {
            return URI.create(identityUrl + "/auth/tokens");
        } catch (IllegalArgumentException e) {
            throw new UsageError("not a URL: " + identityUrl + " (" + Setting.AUTH_URL.howToGive() + ")");
        }
    }

    private static JsonNode catalogIn(JsonNode body) {
        JsonNode catalog = body == null ? null : body.path("token").get("catalog");
        return catalog == null || !catalog.isArray() ? HttpJson.JSON.createArrayNode() : catalog;
    }

    /** Keystone's {@code {"error": {"message": …}}}, when it gave one. */
    private static String keystoneMessage(HttpJson.Answer answer) {
        JsonNode message = answer.body() == null ? null : answer.body().path("error").get("message");
        return message == null ? "" : ": " + message.asText();
    }
}
