package org.diminet.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user or operator does with one site over HTTP: the North API and the site's Neutron API
 * (served by the embedded VIM). Answers are JSON trees so tests read them as a user would.
 */
public final class SiteClient {
    // One client per SiteClient: a pooled connection to a site that was restarted since is never reused.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    final String region;
    final String url;
    /** Sent as X-Auth-Token; null sends none. */
    final String token;
    /** Sent as X-DIMINET-Region (the region a peer speaks for); null sends none. */
    final String peerRegion;

    SiteClient(String region, String url, String token) {
        this(region, url, token, null);
    }

    private SiteClient(String region, String url, String token, String peerRegion) {
        this.region = region;
        this.url = url;
        this.token = token;
        this.peerRegion = peerRegion;
    }

    /** The same site, called with another token (another user, a forged or no token). */
    SiteClient withToken(String otherToken) {
        return new SiteClient(region, url, otherToken, peerRegion);
    }

    /** The same site, called as a peer: with that peer's service token, naming {@code speaksFor} as its region. */
    SiteClient asPeer(String serviceToken, String speaksFor) {
        return new SiteClient(region, url, serviceToken, speaksFor);
    }

    /** An HTTP answer: status and JSON body (null when empty). */
    record Answer(int status, JsonNode body, java.util.Map<String, List<String>> headers) {
        Answer(int status, JsonNode body) {
            this(status, body, java.util.Map.of());
        }

        /** The first value of a response header, if it came. */
        java.util.Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        String text(String field) {
            return body == null || body.get(field) == null ? null : body.get(field).asText();
        }
    }

    /** An answer that is not JSON (Prometheus' text format): status and body as text. */
    record TextAnswer(int status, String body) {
    }

    /** A GET read as text; sends this client's token, if it has one. */
    TextAnswer getText(String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
            if (token != null) {
                request.header("X-Auth-Token", token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TextAnswer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer send(String method, String path, Object body) {
        return send(method, path, body, java.util.Map.of());
    }

    /** As {@link #send(String, String, Object)}, with more headers (e.g. a {@code traceparent}). */
    Answer send(String method, String path, Object body, java.util.Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json");
            if (token != null) {
                request.header("X-Auth-Token", token);
            }
            if (peerRegion != null) {
                request.header("X-DIMINET-Region", peerRegion);
            }
            headers.forEach(request::header);
            String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            request.method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(payload));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, response.headers().map());
        } catch (java.net.http.HttpTimeoutException e) {
            String why = method + " " + url + path + " got no answer";
            throw new IllegalStateException(why + ": " + e + "; " + ThreadDumps.write(why), e);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- North API ---

    Answer create(String name, String type, ObjectNode... resources) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("type", type);
        ArrayNode list = body.putArray("resources");
        for (ObjectNode r : resources) {
            list.add(r);
        }
        return send("POST", "/api/intersite-vertical", body);
    }

    Answer get(String globalId) {
        return send("GET", "/api/intersite-vertical/" + globalId, null);
    }

    Answer list() {
        return send("GET", "/api/intersite-vertical", null);
    }

    Answer put(String globalId, ObjectNode... resources) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("resources");
        for (ObjectNode r : resources) {
            list.add(r);
        }
        return send("PUT", "/api/intersite-vertical/" + globalId, body);
    }

    Answer delete(String globalId) {
        return send("DELETE", "/api/intersite-vertical/" + globalId, null);
    }

    static ObjectNode resource(String region, String network) {
        ObjectNode node = JSON.createObjectNode().put("region", region);
        if (network != null) {
            node.put("network", network);
        }
        return node;
    }

    static ObjectNode regionOnly(String region) {
        return resource(region, null);
    }

    // --- Neutron API of the embedded VIM ---

    /** Creates a network with one subnet (Neutron defaults: gateway = first host, pools = the rest). */
    public String createNetwork(String name, String cidr) {
        Answer network = send("POST", "/neutron/v2.0/networks",
                JSON.createObjectNode().set("network", JSON.createObjectNode().put("name", name)));
        check(network, 201);
        String id = network.body().get("network").get("id").asText();
        ObjectNode subnet = JSON.createObjectNode().put("network_id", id).put("cidr", cidr)
                .put("ip_version", cidr.contains(":") ? 6 : 4).put("name", name + "-subnet");
        check(send("POST", "/neutron/v2.0/subnets", JSON.createObjectNode().set("subnet", subnet)), 201);
        return id;
    }

    /** Boots a "machine": a port on the network, which takes the next free address of the site's pools. */
    Answer createPort(String networkId) {
        ObjectNode port = JSON.createObjectNode().put("network_id", networkId).put("device_owner", "compute:nova")
                .put("name", "vm");
        return send("POST", "/neutron/v2.0/ports", JSON.createObjectNode().set("port", port));
    }

    String createPortIp(String networkId) {
        Answer port = createPort(networkId);
        check(port, 201);
        return port.body().get("port").get("fixed_ips").get(0).get("ip_address").asText();
    }

    Answer deletePort(String portId) {
        return send("DELETE", "/neutron/v2.0/ports/" + portId, null);
    }

    List<JsonNode> networks() {
        return items(send("GET", "/neutron/v2.0/networks", null), "networks");
    }

    List<JsonNode> subnetsOf(String networkId) {
        return items(send("GET", "/neutron/v2.0/subnets?network_id=" + networkId, null), "subnets");
    }

    List<JsonNode> ports(String networkId) {
        return items(send("GET", "/neutron/v2.0/ports?network_id=" + networkId, null), "ports");
    }

    private static List<JsonNode> items(Answer answer, String key) {
        check(answer, 200);
        List<JsonNode> out = new ArrayList<>();
        answer.body().get(key).forEach(out::add);
        return out;
    }

    static Answer check(Answer answer, int expected) {
        if (answer.status() != expected) {
            throw new AssertionError("expected HTTP " + expected + " but got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
