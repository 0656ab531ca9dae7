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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Neutron facade of one site over real HTTP, as a Neutron client would use it: wrapped bodies,
 * Neutron's field names, IP allocation from pools, and {@code NeutronError} bodies (never problem
 * details) for every failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NeutronApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PROJECT = "neutron-test-project";

    @TempDir
    static Path dataDir;

    /** A user of the site's project (so what it creates is the project's), and the site's own service user. */
    private static final org.diminet.server.launcher.LocalIdentity IDENTITY = new org.diminet.server.launcher.LocalIdentity(
            java.util.Base64.getEncoder().encodeToString(new byte[32]), List.of(
                    new org.diminet.server.settings.SiteProperties.User("tester", "secret", PROJECT, List.of("member")),
                    new org.diminet.server.settings.SiteProperties.User("diminet-RegionOne", "secret", "service", List.of("service"))));
    private static final String TOKEN = IDENTITY.tokenFor("tester");

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        IDENTITY.settings().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("diminet.region", () -> "RegionOne");
        registry.add("diminet.project", () -> PROJECT);
        registry.add("diminet.data-dir", () -> dataDir.toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:neutron-test;DB_CLOSE_DELAY=-1");
    }

    @LocalServerPort
    int port;

    // ---------------------------------------------------------------------------------------------

    @Test
    void versionsAreListedAtTheRoot() {
        for (String path : List.of("/neutron/", "/neutron")) {
            Answer versions = send("GET", path, null);
            assertThat(versions.status()).isEqualTo(200);
            assertThat(versions.body().get("versions")).hasSize(1);
            assertThat(versions.body().at("/versions/0/id").asText()).isEqualTo("v2.0");
            assertThat(versions.body().at("/versions/0/status").asText()).isEqualTo("CURRENT");
        }
        Answer resources = send("GET", "/neutron/v2.0/", null);
        assertThat(resources.status()).isEqualTo(200);
        assertThat(resources.body().findValuesAsText("collection")).containsExactly("networks", "subnets", "ports");
    }

    @Test
    void networkAndSubnetHaveNeutronsFieldsAndDefaults() {
        Answer created = send("POST", "/neutron/v2.0/networks", wrap("network", obj().put("name", "blue")));
        assertThat(created.status()).isEqualTo(201);
        JsonNode network = created.body().get("network");
        String networkId = network.get("id").asText();
        assertThat(network.get("name").asText()).isEqualTo("blue");
        assertThat(network.get("tenant_id").asText()).isEqualTo(PROJECT);
        assertThat(network.get("project_id").asText()).isEqualTo(PROJECT);
        assertThat(network.get("admin_state_up").asBoolean()).isTrue();
        assertThat(network.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(network.get("subnets")).isEmpty();
        assertThat(network.get("shared").isBoolean()).isTrue();
        assertThat(network.get("shared").asBoolean()).isFalse();
        assertThat(network.get("mtu").asInt()).isEqualTo(1450);
        assertThat(network.get("router:external").asBoolean()).isFalse();
        assertThat(network.get("description").asText()).isEmpty();
        assertThat(network.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(network.get("updated_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(network.has("revision_number")).isTrue();
        assertThat(network.has("subnet_ids")).as("no global snake_case leak").isFalse();

        String subnetId = createSubnet(networkId, "10.1.0.0/24", "blue-subnet");
        JsonNode subnet = send("GET", "/neutron/v2.0/subnets/" + subnetId, null).body().get("subnet");
        assertThat(subnet.get("network_id").asText()).isEqualTo(networkId);
        assertThat(subnet.get("tenant_id").asText()).isEqualTo(PROJECT);
        assertThat(subnet.get("project_id").asText()).isEqualTo(PROJECT);
        assertThat(subnet.get("ip_version").asInt()).isEqualTo(4);
        assertThat(subnet.get("cidr").asText()).isEqualTo("10.1.0.0/24");
        assertThat(subnet.get("gateway_ip").asText()).isEqualTo("10.1.0.1");
        assertThat(pools(subnet)).containsExactly("10.1.0.2-10.1.0.254");
        assertThat(subnet.get("enable_dhcp").asBoolean()).isTrue();
        assertThat(subnet.get("dns_nameservers").isArray()).isTrue();
        assertThat(subnet.get("host_routes").isArray()).isTrue();
        assertThat(subnet.has("created_at")).isTrue();
        assertThat(subnet.has("updated_at")).isTrue();

        assertThat(send("GET", "/neutron/v2.0/networks/" + networkId, null).body().at("/network/subnets"))
                .extracting(JsonNode::asText).containsExactly(subnetId);

        // another network with a subnet, so the filters have something to leave out
        String otherId = createNetwork("green");
        createSubnet(otherId, "10.1.0.0/24", "green-subnet");

        List<JsonNode> subnets = items(send("GET", "/neutron/v2.0/subnets?network_id=" + networkId, null), "subnets");
        assertThat(subnets).extracting(s -> s.get("id").asText()).containsExactly(subnetId);
        assertThat(items(send("GET", "/neutron/v2.0/networks?name=blue", null), "networks"))
                .extracting(n -> n.get("id").asText()).containsExactly(networkId);
        assertThat(items(send("GET", "/neutron/v2.0/networks", null), "networks"))
                .extracting(n -> n.get("id").asText()).contains(networkId, otherId);

        List<JsonNode> projected = items(send("GET", "/neutron/v2.0/subnets?network_id=" + networkId
                + "&fields=id&fields=cidr", null), "subnets");
        assertThat(projected).hasSize(1);
        assertThat(projected.getFirst().size()).isEqualTo(2);
        assertThat(projected.getFirst().get("cidr").asText()).isEqualTo("10.1.0.0/24");

        Answer renamed = send("PUT", "/neutron/v2.0/networks/" + networkId, wrap("network", obj().put("name", "navy")));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().at("/network/name").asText()).isEqualTo("navy");
    }

    @Test
    void portsTakeConsecutivePoolAddressesOrTheOneAsked() {
        String networkId = createNetwork("ports");
        String subnetId = createSubnet(networkId, "10.2.0.0/24", "ports-subnet");

        JsonNode first = createPort(networkId, obj()).body().get("port");
        JsonNode second = createPort(networkId, obj()).body().get("port");
        assertThat(first.at("/fixed_ips/0/ip_address").asText()).isEqualTo("10.2.0.2");
        assertThat(first.at("/fixed_ips/0/subnet_id").asText()).isEqualTo(subnetId);
        assertThat(second.at("/fixed_ips/0/ip_address").asText()).isEqualTo("10.2.0.3");
        assertThat(first.get("network_id").asText()).isEqualTo(networkId);
        assertThat(first.get("tenant_id").asText()).isEqualTo(PROJECT);
        assertThat(first.get("project_id").asText()).isEqualTo(PROJECT);
        assertThat(first.get("device_owner").asText()).isEqualTo("compute:nova");
        assertThat(first.get("device_id").asText()).isEqualTo("vm-1");
        assertThat(first.get("mac_address").asText()).matches("fa:16:3e(:[0-9a-f]{2}){3}");
        assertThat(first.get("status").asText()).isEqualTo("DOWN");
        assertThat(first.get("admin_state_up").asBoolean()).isTrue();
        assertThat(first.has("created_at") && first.has("updated_at")).isTrue();

        Answer explicit = createPort(networkId, obj().put("ip_address", "10.2.0.50"));
        assertThat(explicit.status()).isEqualTo(201);
        assertThat(explicit.body().at("/port/fixed_ips/0/ip_address").asText()).isEqualTo("10.2.0.50");
        assertThat(explicit.body().at("/port/fixed_ips/0/subnet_id").asText()).isEqualTo(subnetId);

        Answer taken = createPort(networkId, obj().put("subnet_id", subnetId).put("ip_address", "10.2.0.50"));
        assertNeutronError(taken, 409, "IpAddressAlreadyAllocated");

        assertThat(items(send("GET", "/neutron/v2.0/ports?network_id=" + networkId, null), "ports")).hasSize(3);
        assertThat(items(send("GET", "/neutron/v2.0/ports?fixed_ips=ip_address%3D10.2.0.50", null), "ports"))
                .extracting(p -> p.get("id").asText()).containsExactly(explicit.body().at("/port/id").asText());

        String portId = first.get("id").asText();
        Answer renamed = send("PUT", "/neutron/v2.0/ports/" + portId, wrap("port", obj().put("name", "renamed")));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().at("/port/name").asText()).isEqualTo("renamed");
        assertThat(renamed.body().at("/port/fixed_ips/0/ip_address").asText()).isEqualTo("10.2.0.2");
    }

    @Test
    void aTinyPoolRunsOutWithNeutronsConflictAndGrowsWhenPoolsAreUpdated() {
        String networkId = createNetwork("tiny");
        ObjectNode request = obj().put("network_id", networkId).put("cidr", "10.3.0.0/24").put("ip_version", 4);
        request.putArray("allocation_pools").add(obj().put("start", "10.3.0.10").put("end", "10.3.0.11"));
        Answer created = send("POST", "/neutron/v2.0/subnets", wrap("subnet", request));
        assertThat(created.status()).isEqualTo(201);
        String subnetId = created.body().at("/subnet/id").asText();
        assertThat(pools(created.body().get("subnet"))).containsExactly("10.3.0.10-10.3.0.11");

        assertThat(createPort(networkId, obj()).body().at("/port/fixed_ips/0/ip_address").asText()).isEqualTo("10.3.0.10");
        assertThat(createPort(networkId, obj()).body().at("/port/fixed_ips/0/ip_address").asText()).isEqualTo("10.3.0.11");
        Answer exhausted = createPort(networkId, obj());
        assertNeutronError(exhausted, 409, "IpAddressGenerationFailure");
        assertThat(exhausted.body().at("/NeutronError/message").asText()).contains(networkId);

        ObjectNode update = obj();
        update.putArray("allocation_pools")
                .add(obj().put("start", "10.3.0.100").put("end", "10.3.0.100"))
                .add(obj().put("start", "10.3.0.10").put("end", "10.3.0.11"));
        Answer updated = send("PUT", "/neutron/v2.0/subnets/" + subnetId, wrap("subnet", update));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(pools(updated.body().get("subnet"))).containsExactly("10.3.0.10-10.3.0.11", "10.3.0.100-10.3.0.100");
        assertThat(createPort(networkId, obj()).body().at("/port/fixed_ips/0/ip_address").asText()).isEqualTo("10.3.0.100");

        ObjectNode outside = obj();
        outside.putArray("allocation_pools").add(obj().put("start", "10.3.1.1").put("end", "10.3.1.100"));
        assertNeutronError(send("PUT", "/neutron/v2.0/subnets/" + subnetId, wrap("subnet", outside)),
                400, "OutOfBoundsAllocationPool");
        assertNeutronError(send("PUT", "/neutron/v2.0/subnets/" + subnetId, wrap("subnet", obj().put("cidr", "10.9.0.0/24"))),
                400, "HTTPBadRequest");
    }

    @Test
    void aNetworkWithUserPortsIsInUseUntilThePortsAreGone() {
        String networkId = createNetwork("busy");
        String subnetId = createSubnet(networkId, "10.4.0.0/24", "busy-subnet");
        String portId = createPort(networkId, obj()).body().at("/port/id").asText();

        Answer inUse = send("DELETE", "/neutron/v2.0/networks/" + networkId, null);
        assertNeutronError(inUse, 409, "NetworkInUse");

        Answer portDeleted = send("DELETE", "/neutron/v2.0/ports/" + portId, null);
        assertThat(portDeleted.status()).isEqualTo(204);
        assertThat(portDeleted.raw()).isEmpty();
        Answer networkDeleted = send("DELETE", "/neutron/v2.0/networks/" + networkId, null);
        assertThat(networkDeleted.status()).isEqualTo(204);
        assertThat(networkDeleted.raw()).isEmpty();

        Answer gone = send("GET", "/neutron/v2.0/networks/" + networkId, null);
        assertNeutronError(gone, 404, "NetworkNotFound");
        assertThat(gone.body().at("/NeutronError/message").asText()).isEqualTo("Network " + networkId + " could not be found.");
        assertNeutronError(send("GET", "/neutron/v2.0/subnets/" + subnetId, null), 404, "SubnetNotFound");
        assertNeutronError(send("DELETE", "/neutron/v2.0/ports/" + portId, null), 404, "PortNotFound");
    }

    @Test
    void badInputIsNeutronsBadRequest() {
        String networkId = createNetwork("bad-input");

        assertNeutronError(send("POST", "/neutron/v2.0/subnets",
                wrap("subnet", obj().put("network_id", networkId).put("cidr", "10.0.0.0/33"))), 400, "InvalidInput");
        assertNeutronError(send("POST", "/neutron/v2.0/subnets",
                wrap("subnet", obj().put("network_id", networkId).put("cidr", "10.0.0.0/24").put("ip_version", 6))),
                400, "InvalidInput");
        Answer noCidr = send("POST", "/neutron/v2.0/subnets", wrap("subnet", obj().put("network_id", networkId)));
        assertNeutronError(noCidr, 400, "HTTPBadRequest");
        assertThat(noCidr.body().at("/NeutronError/message").asText())
                .isEqualTo("Failed to parse request. Required attribute 'cidr' not specified");
        assertNeutronError(send("POST", "/neutron/v2.0/subnets", wrap("subnet", obj().put("cidr", "10.0.0.0/24"))),
                400, "HTTPBadRequest");
        assertNeutronError(send("POST", "/neutron/v2.0/subnets",
                wrap("subnet", obj().put("network_id", "not-a-uuid").put("cidr", "10.0.0.0/24"))), 400, "HTTPBadRequest");
        assertNeutronError(send("POST", "/neutron/v2.0/subnets",
                wrap("subnet", obj().put("network_id", UUID.randomUUID().toString()).put("cidr", "10.0.0.0/24"))),
                404, "NetworkNotFound");

        Answer noWrapper = send("POST", "/neutron/v2.0/networks", obj().put("name", "unwrapped"));
        assertNeutronError(noWrapper, 400, "HTTPBadRequest");
        assertThat(noWrapper.body().at("/NeutronError/message").asText()).isEqualTo("Unable to find 'network' in request body");
        assertNeutronError(send("POST", "/neutron/v2.0/networks", wrap("network", obj().put("name", 5))), 400, "HTTPBadRequest");

        Answer malformed = send("POST", "/neutron/v2.0/networks", "{\"network\": {\"name\": ");
        assertNeutronError(malformed, 400, "HTTPBadRequest");
        assertThat(malformed.body().at("/NeutronError/message").asText()).startsWith("Malformed request body");

        ObjectNode twoIps = obj().put("network_id", networkId);
        twoIps.putArray("fixed_ips").add(obj().put("ip_address", "10.0.0.5")).add(obj().put("ip_address", "10.0.0.6"));
        assertNeutronError(send("POST", "/neutron/v2.0/ports", wrap("port", twoIps)), 400, "InvalidInput");
        assertNeutronError(send("GET", "/neutron/v2.0/networks?colour=blue", null), 400, "HTTPBadRequest");
    }

    @Test
    void anIpv6SubnetMayHaveNoGateway() {
        String networkId = createNetwork("v6");
        ObjectNode request = obj().put("network_id", networkId).put("cidr", "2001:db8:5::/64").put("ip_version", 6);
        request.putNull("gateway_ip");
        Answer created = send("POST", "/neutron/v2.0/subnets", wrap("subnet", request));
        assertThat(created.status()).isEqualTo(201);
        JsonNode subnet = created.body().get("subnet");
        assertThat(subnet.get("ip_version").asInt()).isEqualTo(6);
        assertThat(subnet.has("gateway_ip")).isTrue();
        assertThat(subnet.get("gateway_ip").isNull()).isTrue();
        // No gateway, so the pool starts at the first host address.
        assertThat(pools(subnet)).singleElement().asString().startsWith("2001:db8:5::1-2001:db8:5:0:ffff:ffff:ffff:");
        assertThat(createPort(networkId, obj()).body().at("/port/fixed_ips/0/ip_address").asText()).isEqualTo("2001:db8:5::1");
    }

    @Test
    void unknownPathsAndMethodsAnswerInNeutronsShape() {
        Answer unknown = send("GET", "/neutron/v2.0/floatingips", null);
        assertNeutronError(unknown, 404, "HTTPNotFound");
        assertThat(unknown.body().at("/NeutronError/message").asText()).isEqualTo("The resource could not be found.");
        assertNeutronError(send("GET", "/neutron/v3/networks", null), 404, "HTTPNotFound");
        assertNeutronError(send("PATCH", "/neutron/v2.0/networks", obj()), 405, "HTTPMethodNotAllowed");
    }

    @Test
    void theDiminetApisKeepTheirProblemDetails() {
        Answer unknown = send("GET", "/api/no-such-thing", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().has("NeutronError")).isFalse();

        Answer malformed = send("POST", "/api/intersite-vertical", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.body().get("problem").asText()).isEqualTo("malformed-body");

        Answer openApi = send("GET", "/api/openapi", null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body().at("/paths").has("/neutron/v2.0/networks")).isTrue();
        assertThat(openApi.body().at("/paths").has("/neutron/**")).as("the catch-all is hidden").isFalse();
    }

    // ---------------------------------------------------------------------------------------------

    private static void assertNeutronError(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body().size()).as(answer.raw()).isEqualTo(1);
        JsonNode error = answer.body().get("NeutronError");
        assertThat(error).as(answer.raw()).isNotNull();
        assertThat(error.get("type").asText()).as(answer.raw()).isEqualTo(type);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("detail").asText()).isEmpty();
    }

    private String createNetwork(String name) {
        Answer created = send("POST", "/neutron/v2.0/networks", wrap("network", obj().put("name", name)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/network/id").asText();
    }

    private String createSubnet(String networkId, String cidr, String name) {
        Answer created = send("POST", "/neutron/v2.0/subnets", wrap("subnet", obj().put("network_id", networkId)
                .put("cidr", cidr).put("ip_version", cidr.contains(":") ? 6 : 4).put("name", name)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/subnet/id").asText();
    }

    /** A VM's port; {@code fixedIp} empty for an automatic address. */
    private Answer createPort(String networkId, ObjectNode fixedIp) {
        ObjectNode port = obj().put("network_id", networkId).put("name", "vm").put("device_owner", "compute:nova")
                .put("device_id", "vm-1");
        if (!fixedIp.isEmpty()) {
            port.putArray("fixed_ips").add(fixedIp);
        }
        return send("POST", "/neutron/v2.0/ports", wrap("port", port));
    }

    private static List<String> pools(JsonNode subnet) {
        List<String> out = new ArrayList<>();
        subnet.get("allocation_pools").forEach(p -> out.add(p.get("start").asText() + "-" + p.get("end").asText()));
        return out;
    }

    private static List<JsonNode> items(Answer answer, String key) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        answer.body().get(key).forEach(out::add);
        return out;
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    private static ObjectNode wrap(String key, ObjectNode value) {
        return (ObjectNode) obj().set(key, value);
    }

    record Answer(int status, String contentType, String raw, JsonNode body) {
    }

    private Answer send(String method, String path, Object body) {
        try {
            String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("X-Auth-Token", TOKEN)
                    .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(payload))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body() == null ? "" : response.body();
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), raw,
                    raw.isBlank() ? null : JSON.readTree(raw));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
