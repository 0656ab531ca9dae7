package org.diminet.server.web.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Neutron's routers, router interfaces, {@code router:external} networks and agents over REST, as any Neutron
 * must answer them: run against the embedded Neutron and against a real one (the lab), so the two cannot drift
 * apart. The caller is an admin (external networks need one); everything it creates is named {@code nr-…} and
 * deleted afterwards, routers first. Only behaviour both give is asserted: exact revisions, for instance, are not
 * (Neutron bumps a router's several times per call).
 */
abstract class NeutronRouterApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** Where {@code /v2.0} is, e.g. {@code http://127.0.0.1:9696} or {@code http://127.0.0.1:PORT/neutron}. */
    protected abstract String neutronUrl();

    /** An admin's token. */
    protected abstract String adminToken();

    /** The project of that token. */
    protected abstract String adminProject();

    /** What to delete after the test, last created first; each step ignores what the test removed itself. */
    private final Deque<Runnable> cleanup = new ArrayDeque<>();

    @AfterEach
    void deleteWhatTheTestCreated() {
        while (!cleanup.isEmpty()) {
            cleanup.pop().run();
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void aRouter_isCreatedShownListedUpdatedAndDeleted_withNeutronsAttributes() {
        Answer created = send("POST", "/routers", wrap("router", obj().put("name", "nr-edge").put("description", "way out")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode router = created.body().get("router");
        String id = router.get("id").asText();
        cleanup.push(() -> deleteRouter(id));
        assertThat(router.get("name").asText()).isEqualTo("nr-edge");
        assertThat(router.get("description").asText()).isEqualTo("way out");
        assertThat(router.get("admin_state_up").asBoolean()).isTrue();
        assertThat(router.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(router.get("external_gateway_info").isNull()).as(created.raw()).isTrue();
        assertThat(router.get("project_id").asText()).isEqualTo(adminProject());
        assertThat(router.get("tenant_id").asText()).isEqualTo(adminProject());
        assertThat(router.get("revision_number").asInt()).isEqualTo(1);
        assertThat(router.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        assertThat(send("GET", "/routers/" + id, null).body().at("/router/name").asText()).isEqualTo("nr-edge");
        assertThat(ids(send("GET", "/routers?name=nr-edge", null), "routers")).containsExactly(id);
        Answer updated = send("PUT", "/routers/" + id, wrap("router", obj().put("name", "nr-edge-2")
                .put("admin_state_up", false).put("description", "moved")));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().at("/router/name").asText()).isEqualTo("nr-edge-2");
        assertThat(updated.body().at("/router/admin_state_up").asBoolean()).isFalse();
        assertThat(updated.body().at("/router/revision_number").asInt()).isGreaterThan(1);

        assertError(send("PUT", "/routers/" + id, wrap("router", obj().put("status", "DOWN"))), 400, "HTTPBadRequest",
                "Cannot update read-only attribute status");
        assertError(send("PUT", "/routers/" + id, wrap("router", obj().put("nr-unknown", 1))), 400, "HTTPBadRequest",
                "Unrecognized attribute(s) 'nr-unknown'");
        assertThat(send("DELETE", "/routers/" + id, null).status()).isEqualTo(204);
        assertError(send("GET", "/routers/" + id, null), 404, "RouterNotFound", "Router " + id + " could not be found");
    }

    @Test
    void anInterfaceBySubnet_takesTheSubnetsGateway_andKeepsEverythingInUseUntilRemoved() {
        String network = network("nr-blue", false);
        String subnet = subnet(network, "10.231.0.0/24", true);
        String router = router("nr-r");

        Answer added = send("PUT", "/routers/" + router + "/add_router_interface", obj().put("subnet_id", subnet));

        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(added.body().get("id").asText()).isEqualTo(router);
        assertThat(added.body().get("subnet_id").asText()).isEqualTo(subnet);
        assertThat(added.body().get("network_id").asText()).isEqualTo(network);
        assertThat(added.body().get("tenant_id").asText()).isEqualTo(adminProject());
        assertThat(texts(added.body().get("subnet_ids"))).containsExactly(subnet);
        String port = added.body().get("port_id").asText();
        JsonNode interfacePort = send("GET", "/ports/" + port, null).body().get("port");
        assertThat(interfacePort.get("device_owner").asText()).isEqualTo("network:router_interface");
        assertThat(interfacePort.get("device_id").asText()).isEqualTo(router);
        assertThat(interfacePort.at("/fixed_ips/0/ip_address").asText()).isEqualTo("10.231.0.1");
        assertThat(ids(send("GET", "/ports?device_id=" + router, null), "ports")).containsExactly(port);

        assertError(send("PUT", "/routers/" + router + "/add_router_interface", obj().put("subnet_id", subnet)),
                400, "BadRequest", "Bad router request: Router already has a port on subnet " + subnet + ".");
        assertError(send("DELETE", "/routers/" + router, null), 409, "RouterInUse",
                "Router " + router + " has ports still attached: " + port);
        assertError(send("DELETE", "/subnets/" + subnet, null), 409, "SubnetInUse", null);
        assertError(send("DELETE", "/networks/" + network, null), 409, "NetworkInUse", null);
        assertError(send("DELETE", "/ports/" + port, null), 409, "ServicePortInUse", "Port " + port
                + " cannot be deleted directly via the port API: has device owner network:router_interface.");

        Answer removed = send("PUT", "/routers/" + router + "/remove_router_interface", obj().put("subnet_id", subnet));

        assertThat(removed.status()).as(removed.raw()).isEqualTo(200);
        assertThat(removed.body().get("port_id").asText()).isEqualTo(port);
        assertError(send("GET", "/ports/" + port, null), 404, "PortNotFound", null);
        assertThat(send("DELETE", "/subnets/" + subnet, null).status()).isEqualTo(204);
    }

    @Test
    void interfacesAreRefusedAsNeutronRefusesThem() {
        String network = network("nr-blue", false);
        String subnet = subnet(network, "10.232.0.0/24", true);
        String noGateway = subnet(network, "10.233.0.0/24", false);
        String other = network("nr-green", false);
        String overlapping = subnet(other, "10.232.0.0/25", true);
        String router = router("nr-r");
        attach(router, subnet);
        String missing = UUID.randomUUID().toString();
        String path = "/routers/" + router;

        assertError(send("PUT", path + "/add_router_interface", obj().put("subnet_id", noGateway)), 400, "BadRequest",
                "Bad router request: Subnet for router interface must have a gateway IP.");
        assertError(send("PUT", path + "/add_router_interface", obj().put("subnet_id", overlapping)), 400, "BadRequest",
                "Bad router request: Cidr 10.232.0.0/25 of subnet " + overlapping + " overlaps with cidr 10.232.0.0/24"
                        + " of subnet " + subnet + ".");
        assertError(send("PUT", path + "/add_router_interface", obj()), 400, "BadRequest",
                "Bad router request: Either subnet_id or port_id must be specified.");
        assertError(send("PUT", path + "/add_router_interface", obj().put("subnet_id", subnet).put("port_id", missing)),
                400, "BadRequest", "Bad router request: Cannot specify both subnet-id and port-id.");
        assertError(send("PUT", path + "/add_router_interface", obj().put("subnet_id", "nr")), 400, "BadRequest",
                "Bad router request: 'nr' is not a valid UUID.");
        assertError(send("PUT", path + "/add_router_interface", obj().put("subnet_id", missing)), 404, "SubnetNotFound", null);
        assertError(send("PUT", path + "/add_router_interface", obj().put("port_id", missing)), 404, "PortNotFound", null);
        assertError(send("PUT", "/routers/" + missing + "/add_router_interface", obj().put("subnet_id", subnet)),
                404, "RouterNotFound", null);
        assertError(send("PUT", path + "/remove_router_interface", obj().put("subnet_id", noGateway)), 404,
                "RouterInterfaceNotFoundForSubnet", "Router " + router + " has no interface on subnet " + noGateway);
        assertError(send("PUT", path + "/remove_router_interface", obj().put("port_id", missing)), 404,
                "RouterInterfaceNotFound", "Router " + router + " does not have an interface with id " + missing);
    }

    @Test
    void aPortBecomesAnInterface_unlessItHasADeviceOrNoAddress_andGoesAwayWithIt() {
        String network = network("nr-blue", false);
        String subnet = subnet(network, "10.234.0.0/24", true);
        String bare = network("nr-bare", false);
        String router = router("nr-r");
        String used = port(obj().put("network_id", network).put("name", "nr-vm").put("device_id", "nr-vm-1"));
        String addressless = port(obj().put("network_id", bare).put("name", "nr-none"));
        String free = port(obj().put("network_id", network).put("name", "nr-free"));
        String path = "/routers/" + router;

        assertError(send("PUT", path + "/add_router_interface", obj().put("port_id", used)), 409, "PortInUse",
                "Unable to complete operation on port " + used + " for network " + network
                        + ". Port already has an attached device nr-vm-1.");
        assertError(send("PUT", path + "/add_router_interface", obj().put("port_id", addressless)), 400, "BadRequest",
                "Bad router request: Router port must have at least one fixed IP.");
        Answer added = send("PUT", path + "/add_router_interface", obj().put("port_id", free));
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(added.body().get("port_id").asText()).isEqualTo(free);
        assertThat(added.body().get("subnet_id").asText()).isEqualTo(subnet);
        JsonNode port = send("GET", "/ports/" + free, null).body().get("port");
        assertThat(port.get("device_owner").asText()).isEqualTo("network:router_interface");
        assertThat(port.get("device_id").asText()).isEqualTo(router);
        assertError(send("PUT", path + "/remove_router_interface", obj().put("port_id", free).put("subnet_id", bare)),
                400, "SubnetMismatchForPort", "Subnet on port " + free + " does not match the requested subnet " + bare + ".");

        Answer removed = send("PUT", path + "/remove_router_interface", obj().put("port_id", free));

        assertThat(removed.status()).as(removed.raw()).isEqualTo(200);
        assertThat(texts(removed.body().get("subnet_ids"))).containsExactly(subnet);
        assertError(send("GET", "/ports/" + free, null), 404, "PortNotFound", null);
    }

    @Test
    void aGateway_goesOnlyOnAnExternalNetwork_withNeutronsGatewayInfo() {
        String internal = network("nr-blue", false);
        String external = network("nr-public", true);
        String publicSubnet = subnet(external, "172.31.240.0/24", true);
        String router = router("nr-r");
        String path = "/routers/" + router;

        assertError(send("PUT", path, wrap("router", obj().set("external_gateway_info", obj().put("network_id", internal)))),
                400, "BadRequest", "Bad router request: Network " + internal + " is not an external network.");
        Answer withGateway = send("PUT", path, wrap("router", obj().set("external_gateway_info", obj().put("network_id", external))));
        assertThat(withGateway.status()).as(withGateway.raw()).isEqualTo(200);
        JsonNode info = withGateway.body().at("/router/external_gateway_info");
        assertThat(info.get("network_id").asText()).isEqualTo(external);
        assertThat(info.get("enable_snat").asBoolean()).isTrue();
        assertThat(info.at("/external_fixed_ips/0/subnet_id").asText()).isEqualTo(publicSubnet);
        assertThat(info.at("/external_fixed_ips/0/ip_address").asText()).startsWith("172.31.240.");
        List<JsonNode> gatewayPorts = items(send("GET", "/ports?device_id=" + router, null), "ports");
        assertThat(gatewayPorts).hasSize(1);
        assertThat(gatewayPorts.getFirst().get("device_owner").asText()).isEqualTo("network:router_gateway");
        assertThat(gatewayPorts.getFirst().get("project_id").asText()).as("no project owns a gateway port").isEmpty();
        assertError(send("PUT", "/networks/" + external, wrap("network", obj().put("router:external", false))), 409,
                "ExternalNetworkInUse", "External network " + external
                        + " cannot be updated to be made non-external, since it has existing gateway ports.");
        assertError(send("DELETE", "/networks/" + external, null), 409, "NetworkInUse", null);

        ObjectNode chosen = obj().put("network_id", external).put("enable_snat", false);
        chosen.putArray("external_fixed_ips").add(obj().put("ip_address", "172.31.240.50"));
        Answer readdressed = send("PUT", path, wrap("router", obj().set("external_gateway_info", chosen)));
        assertThat(readdressed.status()).as(readdressed.raw()).isEqualTo(200);
        assertThat(readdressed.body().at("/router/external_gateway_info/enable_snat").asBoolean()).isFalse();
        assertThat(readdressed.body().at("/router/external_gateway_info/external_fixed_ips/0/ip_address").asText())
                .isEqualTo("172.31.240.50");

        Answer cleared = send("PUT", path, wrap("router", obj().set("external_gateway_info", obj())));
        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
        assertThat(cleared.body().at("/router/external_gateway_info").isNull()).isTrue();
        assertThat(ids(send("GET", "/ports?device_id=" + router, null), "ports")).isEmpty();
    }

    @Test
    void staticRoutes_goThroughASubnetTheRouterIsOn_andKeepItsInterface() {
        String network = network("nr-blue", false);
        String subnet = subnet(network, "10.235.0.0/24", true);
        String router = router("nr-r");
        String path = "/routers/" + router;
        assertError(send("POST", "/routers", "{\"router\": {\"name\": \"nr-x\", \"routes\": []}}"), 400,
                "HTTPBadRequest", "Attribute 'routes' not allowed in POST");
        ObjectNode routes = obj();
        routes.putArray("routes").add(obj().put("destination", "10.9.0.0/24").put("nexthop", "10.235.0.99"));

        assertError(send("PUT", path, wrap("router", routes)), 400, "InvalidRoutes", "Invalid format for routes:"
                + " [{'destination': '10.9.0.0/24', 'nexthop': '10.235.0.99'}], the nexthop is not connected with router");
        attach(router, subnet);
        Answer routed = send("PUT", path, wrap("router", routes));
        assertThat(routed.status()).as(routed.raw()).isEqualTo(200);
        assertThat(routed.body().at("/router/routes/0/destination").asText()).isEqualTo("10.9.0.0/24");
        assertThat(routed.body().at("/router/routes/0/nexthop").asText()).isEqualTo("10.235.0.99");
        assertError(send("PUT", path + "/remove_router_interface", obj().put("subnet_id", subnet)), 409,
                "RouterInterfaceInUseByRoute", "Router interface for subnet " + subnet + " on router " + router
                        + " cannot be deleted, as it is required by one or more routes.");
        ObjectNode hostBits = obj();
        hostBits.putArray("routes").add(obj().put("destination", "10.9.0.5/24").put("nexthop", "10.235.0.99"));
        assertError(send("PUT", path, wrap("router", hostBits)), 400, "HTTPBadRequest",
                "Invalid input for routes. Reason: '10.9.0.5/24' is not a recognized CIDR, '10.9.0.0/24' is recommended.");

        Answer cleared = send("PUT", path, wrap("router", (ObjectNode) obj().putNull("routes")));
        assertThat(cleared.body().at("/router/routes")).as(cleared.raw()).isEmpty();
    }

    @Test
    void externalNetworks_sayRouterExternal_andCanBeFilteredOn() {
        String external = network("nr-public", true);
        String internal = network("nr-blue", false);

        assertThat(send("GET", "/networks/" + external, null).body().at("/network/router:external").asBoolean()).isTrue();
        assertThat(send("GET", "/networks/" + internal, null).body().at("/network/router:external").asBoolean()).isFalse();
        assertThat(ids(send("GET", "/networks?router:external=True", null), "networks")).contains(external)
                .doesNotContain(internal);
        Answer made = send("PUT", "/networks/" + internal, wrap("network", obj().put("router:external", true)));
        assertThat(made.body().at("/network/router:external").asBoolean()).as(made.raw()).isTrue();
    }

    @Test
    void aNeutronWithoutAgents_listsNone() {
        Answer agents = send("GET", "/agents", null);
        assertThat(agents.status()).isEqualTo(200);
        assertThat(agents.body().get("agents").isArray()).isTrue();
        assertThat(agents.body().get("agents")).isEmpty();
        String missing = UUID.randomUUID().toString();
        assertError(send("GET", "/agents/" + missing, null), 404, "AgentNotFound", "Agent " + missing + " could not be found.");
    }

    @Test
    void theExtensionList_namesRoutersExternalNetworksAndAgents() {
        List<String> aliases = new ArrayList<>();
        items(send("GET", "/extensions", null), "extensions").forEach(e -> aliases.add(e.get("alias").asText()));
        assertThat(aliases).contains("router", "external-net", "ext-gw-mode", "extraroute", "agent");
        JsonNode router = send("GET", "/extensions/router", null).body().get("extension");
        assertThat(router.get("name").asText()).isEqualTo("Neutron L3 Router");
    }

    // ---------------------------------------------------------------------------------------------

    protected String network(String name, boolean external) {
        ObjectNode body = obj().put("name", name);
        if (external) {
            body.put("router:external", true);
        }
        Answer created = send("POST", "/networks", wrap("network", body));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().at("/network/id").asText();
        cleanup.push(() -> send("DELETE", "/networks/" + id, null));
        return id;
    }

    protected String subnet(String network, String cidr, boolean withGateway) {
        ObjectNode body = obj().put("network_id", network).put("cidr", cidr).put("ip_version", 4).put("name", "nr-" + cidr);
        if (!withGateway) {
            body.putNull("gateway_ip");
        }
        Answer created = send("POST", "/subnets", wrap("subnet", body));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/subnet/id").asText();
    }

    protected String router(String name) {
        Answer created = send("POST", "/routers", wrap("router", obj().put("name", name)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().at("/router/id").asText();
        cleanup.push(() -> deleteRouter(id));
        return id;
    }

    private String port(ObjectNode body) {
        Answer created = send("POST", "/ports", wrap("port", body));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().at("/port/id").asText();
        cleanup.push(() -> send("DELETE", "/ports/" + id, null));
        return id;
    }

    private void attach(String router, String subnet) {
        Answer added = send("PUT", "/routers/" + router + "/add_router_interface", obj().put("subnet_id", subnet));
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
    }

    /** Its interfaces, then the router (with its gateway); a router already gone is fine. */
    private void deleteRouter(String id) {
        send("PUT", "/routers/" + id, "{\"router\": {\"routes\": null}}");
        Answer ports = send("GET", "/ports?device_id=" + id + "&device_owner=network:router_interface", null);
        if (ports.status() == 200) {
            ports.body().get("ports").forEach(port -> send("PUT", "/routers/" + id + "/remove_router_interface",
                    obj().put("port_id", port.get("id").asText())));
        }
        send("DELETE", "/routers/" + id, null);
    }

    protected static void assertError(Answer answer, int status, String type, String message) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        JsonNode error = answer.body() == null ? null : answer.body().get("NeutronError");
        assertThat(error).as(answer.raw()).isNotNull();
        assertThat(error.get("type").asText()).as(answer.raw()).isEqualTo(type);
        if (message != null) {
            assertThat(error.get("message").asText()).isEqualTo(message);
        }
    }

    private static List<String> ids(Answer answer, String key) {
        List<String> ids = new ArrayList<>();
        items(answer, key).forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<JsonNode> items(Answer answer, String key) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        answer.body().get(key).forEach(out::add);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    protected static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    protected static ObjectNode wrap(String key, ObjectNode value) {
        return (ObjectNode) obj().set(key, value);
    }

    protected record Answer(int status, String raw, JsonNode body) {
    }

    protected Answer send(String method, String path, Object body) {
        try {
            String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest request = HttpRequest.newBuilder(URI.create(neutronUrl() + "/v2.0" + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("X-Auth-Token", adminToken())
                    .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(payload))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body() == null ? "" : response.body();
            JsonNode parsed;
            try {
                parsed = raw.isBlank() ? null : JSON.readTree(raw);
            } catch (IOException notJson) {
                parsed = null;
            }
            return new Answer(response.statusCode(), raw, parsed);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
