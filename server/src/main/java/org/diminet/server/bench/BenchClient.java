package org.diminet.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The benchmark's HTTP client of the sites' APIs (North, embedded Neutron, region, health, Prometheus),
 * one for the whole run: HTTP/1.1 with kept-alive connections, as DIMINET's own peers use.
 */
public final class BenchClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final Duration timeout;
    private volatile String token;

    public BenchClient(String token, Duration timeout) {
        this.token = token;
        this.timeout = timeout;
    }

    public void token(String fresh) {
        this.token = fresh;
    }

    /** A status, a body and how long the exchange took from sending to the whole body read. */
    public record Answer(int status, String body, double millis) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        /** The problem's type ({@code problem}, e.g. {@code network-in-use}) when the answer is a problem document. */
        public String problemCode() {
            try {
                JsonNode node = JSON.readTree(body);
                return node.path("problem").asText(node.path("title").asText(""));
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }

        Answer require(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected " + expected + ", got " + status + " " + body);
            }
            return this;
        }
    }

    public Answer send(String method, URI url, String body) {
        return send(method, url, body, "application/json");
    }

    private Answer send(String method, URI url, String body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1e6);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + url, e);
        }
    }

    public Answer get(URI site, String path) {
        return send("GET", site.resolve(path), null);
    }

    /** The site's meters in Prometheus's text format ({@code /actuator/prometheus}); "" when it does not serve them. */
    public String prometheus(URI site) {
        Answer answer = send("GET", site.resolve("/actuator/prometheus"), null, "text/plain");
        return answer.status() == 200 ? answer.body() : "";
    }

    // --- North API ---

    public Answer createService(URI site, ObjectNode body) {
        return send("POST", site.resolve("/api/intersite-vertical"), body.toString());
    }

    public Answer updateService(URI site, String globalId, ObjectNode body) {
        return send("PUT", site.resolve("/api/intersite-vertical/" + globalId), body.toString());
    }

    public Answer deleteService(URI site, String globalId) {
        return send("DELETE", site.resolve("/api/intersite-vertical/" + globalId), null);
    }

    // --- the embedded VIM's Neutron API ---

    /** A network with one IPv4 subnet of {@code cidr}, made through the site's embedded Neutron API; its id. */
    public String createNetwork(URI site, String name, String cidr) {
        ObjectNode network = JSON.createObjectNode();
        network.putObject("network").put("name", name);
        String id = send("POST", site.resolve("/neutron/v2.0/networks"), network.toString())
                .require(201, "create network " + name).json().path("network").path("id").asText();
        ObjectNode subnet = JSON.createObjectNode();
        subnet.putObject("subnet").put("network_id", id).put("cidr", cidr).put("ip_version", 4).put("name", name);
        send("POST", site.resolve("/neutron/v2.0/subnets"), subnet.toString()).require(201, "create subnet " + cidr);
        return id;
    }

    public void deleteNetwork(URI site, String id) {
        Answer answer = send("DELETE", site.resolve("/neutron/v2.0/networks/" + id), null);
        if (answer.status() != 204 && answer.status() != 404) {
            throw new IllegalStateException("delete network " + id + ": " + answer.status() + " " + answer.body());
        }
    }
}
