package org.diminet.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small JSON-over-HTTP client for one base URL, answering with status and body instead of
 * throwing on error statuses, so fault tests can assert on 503s as easily as on 201s. A transport
 * failure (connection refused, reset, timeout) throws {@link UncheckedIOException}.
 */
public class JsonClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final URI base;
    private final Duration timeout;
    private final String token;

    /** @param token sent as X-Auth-Token; null sends none */
    public JsonClient(URI base, Duration timeout, String token) {
        this.base = base;
        this.timeout = timeout;
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** An HTTP answer: status, body as JSON (null when empty or not JSON) and as text. */
    public record Answer(int status, JsonNode body, String text) {
        /** The text of a top-level field of the body, or null. */
        public String field(String name) {
            return body == null || body.get(name) == null || body.get(name).isNull() ? null : body.get(name).asText();
        }

        /** This answer if its status is one of {@code expected}; otherwise an AssertionError with the body. */
        public Answer expect(int... expected) {
            for (int status : expected) {
                if (status == this.status) {
                    return this;
                }
            }
            throw new AssertionError("expected HTTP " + java.util.Arrays.toString(expected) + " but got " + status
                    + ": " + text);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public URI base() {
        return base;
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path, Object jsonBody) {
        return send("POST", path, jsonBody);
    }

    public Answer put(String path, Object jsonBody) {
        return send("PUT", path, jsonBody);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    /** @param body a JsonNode, a String holding JSON, any Jackson-serialisable object, or null */
    public Answer send(String method, String path, Object body) {
        String url = base + path;
        try {
            String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(payload));
            if (token != null) {
                request.header("X-Auth-Token", token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + url, e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }
}
