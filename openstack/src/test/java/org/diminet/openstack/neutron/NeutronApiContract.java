package org.diminet.openstack.neutron;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Neutron's REST API for networks, subnets and ports as a Neutron client sees it, one test per behaviour
 * OpenStack's Tempest relies on. Run against the embedded Neutron of a started site (the server module's
 * default test run) and against a real lab Neutron (tagged "lab"), so the two cannot drift apart.
 *
 * <p>Every resource is named {@code nc-…} and every network created is deleted after each test (ports
 * first), so a lab Neutron is left as it was found. Assertions check only what Neutron documents or what
 * the lab Neutron was seen to answer, never what only one side does.
 */
public abstract class NeutronApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> networks = new ArrayList<>();

    /** Neutron's v2.0 root, e.g. {@code http://127.0.0.1:9696/v2.0}, without a trailing slash. */
    protected abstract String neutron();

    /** A token of an admin of {@link #callerProject()}. */
    protected abstract String adminToken();

    /** The project the token is scoped to. */
    protected abstract String callerProject();

    /** Another project, which an admin may create resources for. */
    protected abstract String otherProject();

    @AfterEach
    void deleteWhatTheTestCreated() {
        for (String network : networks) {
            for (JsonNode port : send("GET", "/ports?network_id=" + network, null).body().path("ports")) {
                send("DELETE", "/ports/" + port.path("id").asText(), null);
            }
            send("DELETE", "/networks/" + network, null);
        }
        networks.clear();
    }

    // --- bulk create -----------------------------------------------------------------------------

    @Test
    void bulkCreate_createsEveryResource_andAllOrNone() {
        String tag = "nc-bulk-" + shortId();
        Answer two = send("POST", "/networks", obj().set("networks", arr(obj().put("name", tag + "-a"),
                obj().put("name", tag + "-b"))));
        assertThat(two.status()).isEqualTo(201);
        two.body().path("networks").forEach(n -> networks.add(n.path("id").asText()));
        assertThat(two.body().path("networks")).extracting(n -> n.path("name").asText())
                .containsExactly(tag + "-a", tag + "-b");

        Answer refused = send("POST", "/networks", obj().set("networks", arr(obj().put("name", tag + "-c"),
                obj().put("name", tag + "-d").put("admin_state_up", "not-a-boolean"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(send("GET", "/networks?name=" + tag + "-c", null).body().path("networks")).isEmpty();

        String network = networks.getFirst();
        Answer subnets = send("POST", "/subnets", obj().set("subnets", arr(subnet(network, "10.61.1.0/24"),
                subnet(network, "10.61.2.0/24"))));
        assertThat(subnets.status()).isEqualTo(201);
        assertThat(subnets.body().path("subnets")).hasSize(2);
        Answer overlapping = send("POST", "/subnets", obj().set("subnets", arr(subnet(network, "10.61.3.0/24"),
                subnet(network, "10.61.3.0/25"))));
        assertThat(overlapping.status()).isEqualTo(400);
        assertThat(send("GET", "/subnets?network_id=" + network + "&cidr=10.61.3.0/24", null).body().path("subnets"))
                .isEmpty();

        Answer ports = send("POST", "/ports", obj().set("ports", arr(obj().put("network_id", network).put("name", "nc-p1"),
                obj().put("network_id", network).put("name", "nc-p2"))));
        assertThat(ports.status()).isEqualTo(201);
        assertThat(ports.body().path("ports")).hasSize(2);
    }

    // --- subnets ---------------------------------------------------------------------------------

    @Test
    void subnetDnsServersAndHostRoutes_areStoredReturnedAndUpdatable() {
        String network = network("nc-dns");
        ObjectNode request = subnet(network, "10.62.0.0/24");
        request.set("dns_nameservers", arr("10.62.0.53", "10.62.0.54"));
        request.set("host_routes", arr(obj().put("destination", "10.99.0.0/16").put("nexthop", "10.62.0.254")));
        Answer created = send("POST", "/subnets", obj().set("subnet", request));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().at("/subnet/id").asText();
        JsonNode shown = send("GET", "/subnets/" + id, null).body().path("subnet");
        assertThat(texts(shown.path("dns_nameservers"))).containsExactly("10.62.0.53", "10.62.0.54");
        assertThat(shown.at("/host_routes/0/destination").asText()).isEqualTo("10.99.0.0/16");
        assertThat(shown.at("/host_routes/0/nexthop").asText()).isEqualTo("10.62.0.254");

        ObjectNode update = obj();
        update.set("dns_nameservers", arr("10.62.0.55"));
        update.set("host_routes", arr());
        Answer updated = send("PUT", "/subnets/" + id, obj().set("subnet", update));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(texts(updated.body().at("/subnet/dns_nameservers"))).containsExactly("10.62.0.55");
        assertThat(updated.body().at("/subnet/host_routes")).isEmpty();

        ObjectNode duplicate = subnet(network, "10.62.1.0/24");
        duplicate.set("dns_nameservers", arr("10.62.1.53", "10.62.1.53"));
        assertThat(send("POST", "/subnets", obj().set("subnet", duplicate)).status()).isEqualTo(400);
    }

    @Test
    void subnetGateway_canBeChanged_andRemoved_butNotIntoAPool() {
        String network = network("nc-gw");
        String id = send("POST", "/subnets", obj().set("subnet", subnet(network, "10.63.0.0/24"))).body()
                .at("/subnet/id").asText();
        ObjectNode outsidePools = obj();
        outsidePools.set("allocation_pools", arr(obj().put("start", "10.63.0.10").put("end", "10.63.0.100")));
        assertThat(send("PUT", "/subnets/" + id, obj().set("subnet", outsidePools)).status()).isEqualTo(200);

        Answer moved = send("PUT", "/subnets/" + id, obj().set("subnet", obj().put("gateway_ip", "10.63.0.254")));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().at("/subnet/gateway_ip").asText()).isEqualTo("10.63.0.254");
        Answer none = send("PUT", "/subnets/" + id, obj().set("subnet", obj().putNull("gateway_ip")));
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().at("/subnet/gateway_ip").isNull()).isTrue();
        assertNeutronError(send("PUT", "/subnets/" + id, obj().set("subnet", obj().put("gateway_ip", "10.63.0.50"))),
                409, "GatewayConflictWithAllocationPools");
    }

    @Test
    void enableDhcpAndDescriptions_stick() {
        String network = network("nc-desc");
        ObjectNode request = subnet(network, "10.64.0.0/24").put("enable_dhcp", false).put("description", "first");
        JsonNode subnet = send("POST", "/subnets", obj().set("subnet", request)).body().path("subnet");
        assertThat(subnet.path("enable_dhcp").asBoolean()).isFalse();
        assertThat(subnet.path("description").asText()).isEqualTo("first");
        JsonNode updated = send("PUT", "/subnets/" + subnet.path("id").asText(), obj().set("subnet",
                obj().put("enable_dhcp", true).put("description", "second"))).body().path("subnet");
        assertThat(updated.path("enable_dhcp").asBoolean()).isTrue();
        assertThat(updated.path("description").asText()).isEqualTo("second");

        assertThat(send("PUT", "/networks/" + network, obj().set("network", obj().put("description", "net")))
                .body().at("/network/description").asText()).isEqualTo("net");
        String port = send("POST", "/ports", obj().set("port", obj().put("network_id", network).put("description", "p")))
                .body().at("/port/id").asText();
        assertThat(send("GET", "/ports/" + port, null).body().at("/port/description").asText()).isEqualTo("p");
        assertThat(send("PUT", "/ports/" + port, obj().set("port", obj().put("description", "q")))
                .body().at("/port/description").asText()).isEqualTo("q");
    }

    @Test
    void slaacSubnet_givesPortsEui64Addresses_andIsDeletedUnderThem() {
        String network = network("nc-slaac");
        ObjectNode request = obj().put("network_id", network).put("ip_version", 6).put("cidr", "2001:db8:65::/64")
                .put("ipv6_ra_mode", "slaac").put("ipv6_address_mode", "slaac").put("name", "nc-slaac");
        Answer created = send("POST", "/subnets", obj().set("subnet", request));
        assertThat(created.status()).isEqualTo(201);
        String subnet = created.body().at("/subnet/id").asText();
        assertThat(created.body().at("/subnet/ipv6_ra_mode").asText()).isEqualTo("slaac");
        assertThat(created.body().at("/subnet/ipv6_address_mode").asText()).isEqualTo("slaac");

        JsonNode port = send("POST", "/ports", obj().set("port", obj().put("network_id", network)
                .put("mac_address", "fa:16:3e:12:34:56"))).body().path("port");
        assertThat(port.at("/fixed_ips/0/ip_address").asText()).isEqualTo("2001:db8:65:0:f816:3eff:fe12:3456");

        ObjectNode direct = obj().put("network_id", network);
        direct.set("fixed_ips", arr(obj().put("ip_address", "2001:db8:65::10")));
        assertNeutronError(send("POST", "/ports", obj().set("port", direct)), 400, "AllocationOnAutoAddressSubnet");

        assertThat(send("DELETE", "/subnets/" + subnet, null).status()).isEqualTo(204);
        assertThat(send("GET", "/ports/" + port.path("id").asText(), null).body().at("/port/fixed_ips")).isEmpty();
    }

    @Test
    void ipv6Modes_areCheckedAsNeutronChecksThem() {
        String network = network("nc-modes");
        ObjectNode mismatch = obj().put("network_id", network).put("ip_version", 6).put("cidr", "2001:db8:67::/64")
                .put("ipv6_ra_mode", "slaac").put("ipv6_address_mode", "dhcpv6-stateful");
        assertNeutronError(send("POST", "/subnets", obj().set("subnet", mismatch)), 400, "InvalidInput");
        ObjectNode onIpv4 = subnet(network, "10.67.0.0/24").put("ipv6_address_mode", "slaac");
        assertNeutronError(send("POST", "/subnets", obj().set("subnet", onIpv4)), 400, "InvalidInput",
                "Invalid input for operation: ipv6_address_mode is not valid when ip_version is 4.");
        ObjectNode not64 = obj().put("network_id", network).put("ip_version", 6).put("cidr", "2001:db8:67::/80")
                .put("ipv6_address_mode", "slaac");
        assertNeutronError(send("POST", "/subnets", obj().set("subnet", not64)), 400, "InvalidInput");
        ObjectNode stateful = obj().put("network_id", network).put("ip_version", 6).put("cidr", "2001:db8:68::/64")
                .put("ipv6_ra_mode", "dhcpv6-stateful").put("ipv6_address_mode", "dhcpv6-stateful");
        Answer created = send("POST", "/subnets", obj().set("subnet", stateful));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().at("/subnet/ipv6_address_mode").asText()).isEqualTo("dhcpv6-stateful");
        JsonNode port = send("POST", "/ports", obj().set("port", obj().put("network_id", network))).body().path("port");
        assertThat(port.at("/fixed_ips/0/ip_address").asText()).as("a stateful subnet allocates from its pool")
                .startsWith("2001:db8:68::");
    }

    // --- ports -----------------------------------------------------------------------------------

    @Test
    void requestedMac_isHonoured_andUniqueOnItsNetwork() {
        String network = network("nc-mac");
        Answer created = send("POST", "/ports", obj().set("port", obj().put("network_id", network)
                .put("mac_address", "FA:16:3E:AB:CD:01")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().at("/port/mac_address").asText()).as("kept as written").isEqualTo("FA:16:3E:AB:CD:01");
        assertNeutronError(send("POST", "/ports", obj().set("port", obj().put("network_id", network)
                .put("mac_address", "FA:16:3E:AB:CD:01"))), 409, "MacAddressInUse");
        String other = network("nc-mac-2");
        assertThat(send("POST", "/ports", obj().set("port", obj().put("network_id", other)
                .put("mac_address", "FA:16:3E:AB:CD:01"))).status()).as("another network may have it").isEqualTo(201);
        assertNeutronError(send("POST", "/ports", obj().set("port", obj().put("network_id", other)
                .put("mac_address", "not-a-mac"))), 400, "HTTPBadRequest");
    }

    @Test
    void adminStateUp_andDeviceOwnerAndId_updatesStick() {
        String network = network("nc-state");
        assertThat(send("PUT", "/networks/" + network, obj().set("network", obj().put("admin_state_up", false)))
                .body().at("/network/admin_state_up").asBoolean()).isFalse();
        String port = send("POST", "/ports", obj().set("port", obj().put("network_id", network))).body()
                .at("/port/id").asText();
        JsonNode updated = send("PUT", "/ports/" + port, obj().set("port", obj().put("admin_state_up", false)
                .put("device_owner", "compute:nc").put("device_id", "nc-device"))).body().path("port");
        assertThat(updated.path("admin_state_up").asBoolean()).isFalse();
        JsonNode shown = send("GET", "/ports/" + port, null).body().path("port");
        assertThat(shown.path("admin_state_up").asBoolean()).isFalse();
        assertThat(shown.path("device_owner").asText()).isEqualTo("compute:nc");
        assertThat(shown.path("device_id").asText()).isEqualTo("nc-device");
    }

    @Test
    void aPort_holdsSeveralFixedIps_andTheyCanBeReplaced() {
        String network = network("nc-ips");
        String first = send("POST", "/subnets", obj().set("subnet", subnet(network, "10.66.1.0/24"))).body()
                .at("/subnet/id").asText();
        String second = send("POST", "/subnets", obj().set("subnet", subnet(network, "10.66.2.0/24"))).body()
                .at("/subnet/id").asText();
        ObjectNode request = obj().put("network_id", network);
        request.set("fixed_ips", arr(obj().put("subnet_id", first), obj().put("subnet_id", first),
                obj().put("subnet_id", second).put("ip_address", "10.66.2.20")));
        Answer created = send("POST", "/ports", obj().set("port", request));
        assertThat(created.status()).isEqualTo(201);
        String port = created.body().at("/port/id").asText();
        List<String> addresses = new ArrayList<>();
        created.body().at("/port/fixed_ips").forEach(ip -> addresses.add(ip.path("ip_address").asText()));
        assertThat(addresses).hasSize(3).doesNotHaveDuplicates().contains("10.66.2.20");
        List<String> fromFirst = addresses.stream().filter(a -> a.startsWith("10.66.1.")).toList();
        assertThat(fromFirst).as("Neutron picks them from the pool, in no promised order").hasSize(2);

        ObjectNode update = obj();
        update.set("fixed_ips", arr(obj().put("ip_address", "10.66.2.20"), obj().put("ip_address", "10.66.2.30")));
        Answer replaced = send("PUT", "/ports/" + port, obj().set("port", update));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body().at("/port/fixed_ips")).extracting(ip -> ip.path("ip_address").asText())
                .containsExactlyInAnyOrder("10.66.2.20", "10.66.2.30");
        ObjectNode reuse = obj().put("network_id", network);
        reuse.set("fixed_ips", arr(obj().put("ip_address", fromFirst.getFirst())));
        assertThat(send("POST", "/ports", obj().set("port", reuse)).status()).as("released addresses are free again")
                .isEqualTo(201);
    }

    @Test
    void aPort_showsAnAdminItsBinding_unbound() {
        String network = network("nc-bind");
        JsonNode port = send("POST", "/ports", obj().set("port", obj().put("network_id", network))).body().path("port");
        JsonNode shown = send("GET", "/ports/" + port.path("id").asText(), null).body().path("port");
        assertThat(shown.path("binding:host_id").asText("absent")).isEmpty();
        assertThat(shown.path("binding:vif_type").asText()).isEqualTo("unbound");
        assertThat(shown.path("binding:vif_details").isObject()).isTrue();
        assertThat(shown.path("binding:vnic_type").asText()).isEqualTo("normal");
    }

    // --- validation, revisions -------------------------------------------------------------------

    @Test
    void unknownAndReadOnlyAttributes_areRefusedAsNeutronRefusesThem() {
        assertNeutronError(send("POST", "/networks", obj().set("network", obj().put("name", "nc-x").put("nc_bogus", 1))),
                400, "HTTPBadRequest", "Unrecognized attribute(s) 'nc_bogus'");
        assertNeutronError(send("POST", "/networks", obj().set("network", obj().put("name", "nc-x").put("id", "nc"))),
                400, "HTTPBadRequest", "Attribute 'id' not allowed in POST");
        String network = network("nc-ro");
        assertNeutronError(send("PUT", "/networks/" + network, obj().set("network", obj().put("status", "DOWN"))),
                400, "HTTPBadRequest", "Cannot update read-only attribute status");
        assertNeutronError(send("PUT", "/networks/" + network, obj().set("network", obj().put("nc_bogus", "x"))),
                400, "HTTPBadRequest", "Unrecognized attribute(s) 'nc_bogus'");
        assertThat(send("GET", "/networks?name=nc-x", null).body().path("networks")).isEmpty();
    }

    @Test
    void revisionNumber_growsWithEveryUpdate_andTimestampsAreKept() {
        JsonNode created = send("POST", "/networks", obj().set("network", obj().put("name", "nc-rev"))).body().path("network");
        networks.add(created.path("id").asText());
        assertThat(created.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        long before = created.path("revision_number").asLong();
        JsonNode updated = send("PUT", "/networks/" + created.path("id").asText(),
                obj().set("network", obj().put("name", "nc-rev-2"))).body().path("network");
        assertThat(updated.path("revision_number").asLong()).isGreaterThan(before);
        assertThat(updated.path("created_at").asText()).isEqualTo(created.path("created_at").asText());
        assertThat(updated.path("updated_at").asText()).isGreaterThanOrEqualTo(created.path("updated_at").asText());
    }

    // --- lists -----------------------------------------------------------------------------------

    @Test
    void lists_areSortedAndPaginated_withNeutronsLinks() {
        String tag = "nc-page-" + shortId();
        for (String suffix : List.of("b", "c", "a")) {
            network(tag + "-" + suffix);
        }
        String names = "name=" + tag + "-a&name=" + tag + "-b&name=" + tag + "-c";
        Answer first = send("GET", "/networks?" + names + "&sort_key=name&sort_dir=asc&limit=2", null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("networks")).extracting(n -> n.path("name").asText())
                .containsExactly(tag + "-a", tag + "-b");
        JsonNode next = link(first.body().path("networks_links"), "next");
        assertThat(link(first.body().path("networks_links"), "previous")).as("Neutron links back even from page one")
                .isNotNull();
        assertThat(next).isNotNull();
        Answer second = sendTo(URI.create(next.path("href").asText()));
        assertThat(second.body().path("networks")).extracting(n -> n.path("name").asText()).containsExactly(tag + "-c");
        assertThat(link(second.body().path("networks_links"), "next")).as("a short page is the last").isNull();

        Answer descending = send("GET", "/networks?" + names + "&sort_key=name&sort_dir=desc", null);
        assertThat(descending.body().path("networks")).extracting(n -> n.path("name").asText())
                .containsExactly(tag + "-c", tag + "-b", tag + "-a");
        assertThat(descending.body().has("networks_links")).as("no links without a limit").isFalse();

        assertNeutronError(send("GET", "/networks?limit=-1", null), 400, "BadRequest");
        assertNeutronError(send("GET", "/networks?sort_key=name&sort_dir=up", null), 400, "HTTPBadRequest");
        assertNeutronError(send("GET", "/networks?sort_key=name", null), 400, "HTTPBadRequest",
                "The number of sort_keys and sort_dirs must be same");
    }

    // --- ownership, extensions -------------------------------------------------------------------

    @Test
    void resourcesBelongToTheCallersProject_andAnAdminMayNameAnother() {
        JsonNode own = send("POST", "/networks", obj().set("network", obj().put("name", "nc-own"))).body().path("network");
        networks.add(own.path("id").asText());
        assertThat(own.path("project_id").asText()).isEqualTo(callerProject());
        assertThat(own.path("tenant_id").asText()).isEqualTo(callerProject());
        JsonNode theirs = send("POST", "/networks", obj().set("network", obj().put("name", "nc-theirs")
                .put("project_id", otherProject()))).body().path("network");
        networks.add(theirs.path("id").asText());
        assertThat(theirs.path("project_id").asText()).isEqualTo(otherProject());
        JsonNode port = send("POST", "/ports", obj().set("port", obj().put("network_id", own.path("id").asText())))
                .body().path("port");
        assertThat(port.path("project_id").asText()).isEqualTo(callerProject());
    }

    @Test
    void extensions_areListed_andAnUnknownAliasIs404() {
        Answer list = send("GET", "/extensions", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("extensions").isArray()).isTrue();
        list.body().path("extensions").forEach(e -> assertThat(send("GET", "/extensions/" + e.path("alias").asText(), null)
                .status()).isEqualTo(200));
        assertThat(send("GET", "/extensions/nc-no-such-extension", null).status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------------------------------------

    private String network(String name) {
        Answer created = send("POST", "/networks", obj().set("network", obj().put("name", name)));
        assertThat(created.status()).as("create network %s: %s", name, created.body()).isEqualTo(201);
        String id = created.body().at("/network/id").asText();
        networks.add(id);
        return id;
    }

    private static ObjectNode subnet(String network, String cidr) {
        return obj().put("network_id", network).put("ip_version", 4).put("cidr", cidr).put("name", "nc-" + cidr);
    }

    private static JsonNode link(JsonNode links, String rel) {
        for (JsonNode link : links) {
            if (link.path("rel").asText().equals(rel)) {
                return link;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    protected static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    private static ArrayNode arr(Object... items) {
        ArrayNode array = JSON.createArrayNode();
        for (Object item : items) {
            if (item instanceof JsonNode node) {
                array.add(node);
            } else {
                array.add(String.valueOf(item));
            }
        }
        return array;
    }

    private static void assertNeutronError(Answer answer, int status, String type) {
        assertNeutronError(answer, status, type, null);
    }

    private static void assertNeutronError(Answer answer, int status, String type, String message) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.body().at("/NeutronError/type").asText()).as("type of %s", answer.body()).isEqualTo(type);
        if (message != null) {
            assertThat(answer.body().at("/NeutronError/message").asText()).isEqualTo(message);
        }
    }

    /** A status and its JSON body (an empty object when there is none). */
    protected record Answer(int status, JsonNode body) {
    }

    protected Answer send(String method, String path, JsonNode body) {
        return exchange(method, URI.create(neutron() + path), body);
    }

    private Answer sendTo(URI uri) {
        return exchange("GET", uri, null);
    }

    private Answer exchange(String method, URI uri, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("X-Auth-Token", adminToken()).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json;
            try {
                json = text == null || text.isBlank() ? obj() : JSON.readTree(text);
            } catch (IOException e) {
                json = obj().put("raw", text); // webob's HTML errors
            }
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
