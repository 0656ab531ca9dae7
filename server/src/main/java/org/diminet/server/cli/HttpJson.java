package org.diminet.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON over HTTP, the one way the client talks to DIMINET and to the identity service. A site that
 * cannot be reached becomes an {@link AccessError}; any answer, error or not, is returned to the caller.
 */
final class HttpJson {
    static final ObjectMapper JSON = new ObjectMapper();
    // A create waits for every site of the service (up to DIMINET's operation deadline, 20 s by default).
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** An answer: status, body as JSON (null when empty or not JSON), the raw body, and one header reader. */
    record Answer(int status, JsonNode body, String rawBody, HttpResponse<String> response) {
        boolean ok() {
            return status / 100 == 2;
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }
    }

    Answer send(String method, URI uri, Optional<String> token, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        token.ifPresent(t -> request.header("X-Auth-Token", t));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AccessError("cannot reach " + origin(uri) + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccessError("interrupted while calling " + origin(uri), e);
        }
        return new Answer(response.statusCode(), parse(response.body()), response.body(), response);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null; // not JSON (e.g. a proxy's HTML page): the caller shows the raw body
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** The JDK's connection errors often have no message ("ConnectException: null"): name the kind then. */
    private static String describe(IOException e) {
        String kind = switch (e) {
            case java.net.ConnectException ignored -> "connection refused";
            case java.net.http.HttpConnectTimeoutException ignored -> "connection timed out";
            case java.net.http.HttpTimeoutException ignored -> "no answer in time";
            default -> e.getClass().getSimpleName();
        };
        return e.getMessage() == null || e.getMessage().isBlank() ? kind : kind + " (" + e.getMessage() + ")";
    }
}
