package org.diminet.openstack.neutron;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.VimException;
import org.diminet.openstack.http.HttpSupport;
import org.diminet.openstack.keystone.KeystoneException;
import org.diminet.openstack.keystone.KeystoneSession;

/**
 * Authenticated JSON calls to one region's Neutron v2.0, for this module's adapters. Paths are relative to
 * {@code /v2.0}, e.g. {@code /networks/<id>}.
 *
 * <p>The endpoint is the region's {@code network} endpoint in the session's catalog (looked up on every
 * call, so a catalog change is picked up), unless an explicit one is given. Every request carries
 * {@code X-Auth-Token}; a 401 makes the session renew its token and the request is sent once more.
 *
 * <p>Every failure is a {@link VimException} naming the region:
 * <ul>
 *   <li>an error status: the message has method, path, status, {@code NeutronError.type} and
 *       {@code NeutronError.message} (or an excerpt of a non-JSON body, as Neutron's 500/503 pages are
 *       text/html); the cause is a {@link NeutronApiException} with the same facts as fields;</li>
 *   <li>no answer (connection refused, unknown host, timeout): the message names the endpoint and what
 *       happened; the cause is the JDK's exception;</li>
 *   <li>no token (Keystone refused or unreachable) and no endpoint in the catalog for the region.</li>
 * </ul>
 * The only status not reported as a failure is 404, where a method says so ({@link #find}, {@link #delete}).
 */
public final class NeutronClient {
    static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int MAX_PAGES = 1000;

    private final KeystoneSession session;
    private final Region region;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final URI fixedEndpoint;

    /** The region's Neutron from the session's catalog, with the session's HTTP client and timeouts. */
    public NeutronClient(KeystoneSession session, Region region) {
        this(session, region, Optional.empty());
    }

    /**
     * @param endpoint when present, Neutron's URL (without {@code /v2.0}) to use instead of the catalog's, for
     *                 sites whose catalog URL is not reachable from DIMINET's host
     */
    public NeutronClient(KeystoneSession session, Region region, Optional<URI> endpoint) {
        this.session = Objects.requireNonNull(session, "session");
        this.region = Objects.requireNonNull(region, "region");
        HttpClient client = session.httpClient();
        this.http = client != null ? client : HttpSupport.newClient(session.options().connectTimeout());
        this.requestTimeout = session.options().requestTimeout();
        this.fixedEndpoint = endpoint.map(NeutronClient::withoutVersion).orElse(null);
    }

    public Region region() {
        return region;
    }

    /** {@code GET}; 404 is empty. */
    public Optional<JsonNode> find(String path) {
        Response response = send("GET", path, null);
        return response.status() == 404 ? Optional.empty() : Optional.of(expectJson(require(response, "GET"), "GET"));
    }

    /** {@code GET}; 404 is a failure. */
    public JsonNode get(String path) {
        return expectJson(require(send("GET", path, null), "GET"), "GET");
    }

    /**
     * {@code GET} of a collection ({@code collection} is its JSON key, e.g. {@code subnets}), following
     * {@code <collection>_links} "next" links when Neutron paginates.
     */
    public List<JsonNode> list(String path, String collection) {
        List<JsonNode> items = new ArrayList<>();
        String next = path;
        for (int page = 0; next != null; page++) {
            if (page == MAX_PAGES) {
                throw new VimException(region, "Neutron's " + collection + " list did not end after " + MAX_PAGES + " pages");
            }
            JsonNode body = get(next);
            body.path(collection).forEach(items::add);
            next = nextPage(body.path(collection + "_links"));
        }
        return items;
    }

    /** {@code POST}; the answer's body. */
    public JsonNode post(String path, JsonNode body) {
        return expectJson(require(send("POST", path, body), "POST"), "POST");
    }

    /** {@code PUT}; the answer's body. */
    public JsonNode put(String path, JsonNode body) {
        return expectJson(require(send("PUT", path, body), "PUT"), "PUT");
    }

    /** {@code DELETE}; false when Neutron answered 404 (already gone). */
    public boolean delete(String path) {
        Response response = send("DELETE", path, null);
        if (response.status() == 404) {
            return false;
        }
        require(response, "DELETE");
        return true;
    }

    /** A new JSON object, for request bodies. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A query parameter, encoded: {@code query("name", "a b")} is {@code name=a+b}. */
    public static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Response send(String method, String path, JsonNode body) {
        String token = token();
        Response response = sendOnce(method, path, body, token);
        if (response.status() == 401) {
            session.tokenRejected(token);
            response = sendOnce(method, path, body, token());
        }
        return response;
    }

    private Response sendOnce(String method, String path, JsonNode body, String token) {
        URI uri = uri(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("X-Auth-Token", token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(shortPath(uri), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new VimException(region, "Neutron at " + endpoint() + " did not answer " + method + " " + shortPath(uri)
                    + ": " + HttpSupport.describe(e, requestTimeout), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VimException(region, "interrupted while waiting for Neutron (" + method + " " + shortPath(uri) + ")", e);
        }
    }

    private String token() {
        try {
            return session.token();
        } catch (KeystoneException e) {
            throw new VimException(region, "no Keystone token for Neutron: " + e.getMessage(), e);
        }
    }

    private URI endpoint() {
        if (fixedEndpoint != null) {
            return fixedEndpoint;
        }
        try {
            return session.networkEndpoint(region).orElseThrow(() -> new VimException(region,
                    "Keystone's catalog at " + session.credentials().authUrl() + " has no '"
                            + session.options().endpointInterface() + "' network endpoint for " + region));
        } catch (KeystoneException e) {
            throw new VimException(region, "cannot read Keystone's catalog: " + e.getMessage(), e);
        }
    }

    private URI uri(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return URI.create(path);
        }
        return URI.create(endpoint() + "/v2.0" + path);
    }

    private Response require(Response response, String method) {
        if (response.status() / 100 == 2) {
            return response;
        }
        NeutronApiException error = error(method, response.path(), response);
        String what = switch (response.status() / 100) {
            case 4 -> "Neutron refused ";
            case 5 -> "Neutron failed ";
            default -> "Neutron gave an unexpected answer to ";
        };
        throw new VimException(region, what + method + " " + error.path() + " (" + error.status()
                + (error.type() == null ? "" : " " + error.type()) + "): " + error.neutronMessage(), error);
    }

    private JsonNode expectJson(Response response, String method) {
        if (response.body() == null || response.body().isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new VimException(region, "Neutron's answer to " + method + " " + response.path() + " is not JSON: "
                    + HttpSupport.snippet(response.contentType(), response.body()), e);
        }
    }

    /**
     * Neutron's error as an exception: {@code {"NeutronError": {"type", "message", "detail"}}}, Keystone
     * middleware's {@code {"error": {"code", "title", "message"}}}, or an excerpt of any other body.
     */
    static NeutronApiException error(String method, String path, Response response) {
        String type = null;
        String message = null;
        try {
            JsonNode body = JSON.readTree(response.body());
            JsonNode neutron = body == null ? null : body.get("NeutronError");
            if (neutron != null && neutron.isObject()) {
                type = neutron.hasNonNull("type") ? neutron.get("type").asText() : null;
                message = neutron.hasNonNull("message") ? neutron.get("message").asText() : null;
            } else if (neutron != null && neutron.isTextual()) {
                message = neutron.asText();
            } else if (body != null && body.path("error").isObject()) {
                JsonNode error = body.get("error");
                type = error.hasNonNull("title") ? error.get("title").asText() : null;
                message = error.hasNonNull("message") ? error.get("message").asText() : null;
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // Not JSON: Neutron's catch_errors and keystonemiddleware answer 5xx with text/html.
        }
        if (message == null || message.isBlank()) {
            message = HttpSupport.snippet(response.contentType(), response.body());
        }
        return new NeutronApiException(method, path, response.status(), type, message);
    }

    private static String nextPage(JsonNode links) {
        for (JsonNode link : links) {
            if ("next".equals(link.path("rel").asText()) && link.hasNonNull("href")) {
                return link.get("href").asText();
            }
        }
        return null;
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Neutron request", e);
        }
    }

    private static String shortPath(URI uri) {
        String query = uri.getRawQuery();
        return uri.getRawPath() + (query == null ? "" : "?" + query);
    }

    private static URI withoutVersion(URI endpoint) {
        String text = endpoint.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.toLowerCase(Locale.ROOT).endsWith("/v2.0")) {
            text = text.substring(0, text.length() - "/v2.0".length());
        }
        return URI.create(text);
    }

    /** An answer; {@code path} is the request's path and query, as shown in messages. */
    record Response(String path, int status, String contentType, String body) {
    }
}
