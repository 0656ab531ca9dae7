package org.diminet.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user does with one site, over {@link JsonClient}: the North API and the embedded VIM's
 * Neutron API ({@code /neutron/v2.0}), with the few shortcuts fault scenarios repeat (a network with a
 * subnet, a machine's port, a service from resources).
 */
public final class SiteClient extends JsonClient {
    private final String region;

    public SiteClient(String region, URI base, Duration timeout, String token) {
        super(base, timeout, token);
        this.region = region;
    }

    public String region() {
        return region;
    }

    /** The same site with another request timeout. */
    public SiteClient withTimeout(Duration timeout) {
        return new SiteClient(region, base(), timeout, token());
    }

    // --- North API ---

    /** {@code {"region": region, "network": network}}; a null network means "extend to this region". */
    public static ObjectNode resource(String region, String network) {
        ObjectNode node = JSON.createObjectNode().put("region", region);
        if (network != null) {
            node.put("network", network);
        }
        return node;
    }

    /** POST /api/intersite-vertical; this site becomes the master. */
    public Answer createService(String name, String type, ObjectNode... resources) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("type", type);
        ArrayNode list = body.putArray("resources");
        for (ObjectNode r : resources) {
            list.add(r);
        }
        return post("/api/intersite-vertical", body);
    }

    public Answer updateService(String globalId, ObjectNode... resources) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("resources");
        for (ObjectNode r : resources) {
            list.add(r);
        }
        return put("/api/intersite-vertical/" + globalId, body);
    }

    public Answer service(String globalId) {
        return get("/api/intersite-vertical/" + globalId);
    }

    public Answer deleteService(String globalId) {
        return delete("/api/intersite-vertical/" + globalId);
    }

    /** This site's view of all its services. */
    public List<JsonNode> services() {
        return items(get("/api/intersite-vertical").expect(200).body());
    }

    /** The network this site's view of a service names for {@code atRegion}, or null. */
    public static String networkOf(JsonNode service, String atRegion) {
        for (JsonNode r : service.path("resources")) {
            if (atRegion.equals(r.path("region").asText()) && r.hasNonNull("network")) {
                return r.get("network").asText();
            }
        }
        return null;
    }

    // --- embedded VIM (Neutron API) ---

    /** Creates a network with one subnet (Neutron defaults: gateway first host, pool the rest); its id. */
    public String createNetwork(String name, String cidr) {
        String id = post("/neutron/v2.0/networks",
                JSON.createObjectNode().set("network", JSON.createObjectNode().put("name", name)))
                .expect(201).body().get("network").get("id").asText();
        ObjectNode subnet = JSON.createObjectNode().put("network_id", id).put("cidr", cidr)
                .put("ip_version", cidr.contains(":") ? 6 : 4).put("name", name + "-subnet");
        post("/neutron/v2.0/subnets", JSON.createObjectNode().set("subnet", subnet)).expect(201);
        return id;
    }

    /** Boots a "machine": a {@code compute:nova} port on the network (the answer holds its fixed IP). */
    public Answer createPort(String networkId) {
        ObjectNode port = JSON.createObjectNode().put("network_id", networkId).put("device_owner", "compute:nova")
                .put("name", "vm");
        return post("/neutron/v2.0/ports", JSON.createObjectNode().set("port", port));
    }

    /** {@link #createPort} that must succeed; the port's IP address. */
    public String createPortIp(String networkId) {
        return createPort(networkId).expect(201).body().get("port").get("fixed_ips").get(0).get("ip_address").asText();
    }

    public List<JsonNode> networks() {
        return items(get("/neutron/v2.0/networks").expect(200).body().get("networks"));
    }

    public List<JsonNode> subnets(String networkId) {
        return items(get("/neutron/v2.0/subnets?network_id=" + networkId).expect(200).body().get("subnets"));
    }

    public List<JsonNode> ports(String networkId) {
        return items(get("/neutron/v2.0/ports?network_id=" + networkId).expect(200).body().get("ports"));
    }

    public List<JsonNode> allSubnets() {
        return items(get("/neutron/v2.0/subnets").expect(200).body().get("subnets"));
    }

    public List<JsonNode> allPorts() {
        return items(get("/neutron/v2.0/ports").expect(200).body().get("ports"));
    }

    static List<JsonNode> items(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null) {
            array.forEach(out::add);
        }
        return out;
    }

    @Override
    public String toString() {
        return region + " " + base();
    }
}
