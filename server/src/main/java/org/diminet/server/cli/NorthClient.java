package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * DIMINET's North API and the probes beside it, one method per call. An error answer becomes an
 * {@link ApiError} carrying the problem detail, or an {@link AccessError} for 401 (token refused).
 */
final class NorthClient {
    private static final String SERVICES = "/api/intersite-vertical";

    private final HttpJson http;
    private final String baseUrl;
    private final Optional<String> token;

    NorthClient(HttpJson http, String baseUrl, Optional<String> token) {
        this.http = http;
        this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
        this.token = token;
    }

    JsonNode listServices() {
        return expect(call("GET", SERVICES, null));
    }

    JsonNode service(String id) {
        return expect(call("GET", SERVICES + "/" + segment(id), null));
    }

    JsonNode operations(String id) {
        return expect(call("GET", SERVICES + "/" + segment(id) + "/operations", null));
    }

    JsonNode create(JsonNode body) {
        return expect(call("POST", SERVICES, body));
    }

    JsonNode replaceResources(String id, JsonNode body) {
        return expect(call("PUT", SERVICES + "/" + segment(id), body));
    }

    /** @return empty when the service is gone everywhere (204), else the service still being deleted (202) */
    Optional<JsonNode> delete(String id) {
        HttpJson.Answer answer = call("DELETE", SERVICES + "/" + segment(id), null);
        expect(answer);
        return answer.status() == 204 ? Optional.empty() : Optional.ofNullable(answer.body());
    }

    JsonNode addPool(String id) {
        return expect(call("POST", SERVICES + "/" + segment(id) + "/pools", null));
    }

    JsonNode region() {
        return expect(call("GET", "/api/region", null));
    }

    /** The site's health. A 503 (its store is down) still lists the peers: shown, not refused. */
    JsonNode health() {
        HttpJson.Answer answer = call("GET", "/api/health", null);
        if (answer.status() == 503 && answer.body() != null && answer.body().has("peers")) {
            return answer.body();
        }
        return expect(answer);
    }

    private HttpJson.Answer call(String method, String path, JsonNode body) {
        URI uri;
        try {
            uri = URI.create(baseUrl + path);
        } catch (IllegalArgumentException e) {
            throw new UsageError("not a URL: " + baseUrl + " (" + Setting.DIMINET_URL.howToGive() + ")");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new UsageError("not an http(s) URL: " + baseUrl + " (" + Setting.DIMINET_URL.howToGive() + ")");
        }
        return http.send(method, uri, token, body);
    }

    private JsonNode expect(HttpJson.Answer answer) {
        if (answer.status() == 401) {
            throw new AccessError("DIMINET at " + baseUrl + " refused the token: "
                    + ApiError.of(answer.status(), answer.body(), answer.rawBody()).getMessage());
        }
        if (!answer.ok()) {
            throw ApiError.of(answer.status(), answer.body(), answer.rawBody());
        }
        return answer.body();
    }

    /** An id as one path segment: what the user typed, never a way to reach another path. */
    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
