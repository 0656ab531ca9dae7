package org.diminet.server.web.neutron;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.diminet.core.domain.IpRange;
import org.diminet.vim.embedded.EmbeddedVim;
import org.diminet.vim.embedded.EmbeddedVimException;
import org.diminet.vim.embedded.FixedIpRequest;
import org.diminet.vim.embedded.GatewayChoice;
import org.diminet.vim.embedded.HostRoute;
import org.diminet.vim.embedded.NetworkChange;
import org.diminet.vim.embedded.NewNetwork;
import org.diminet.vim.embedded.NewPort;
import org.diminet.vim.embedded.NewSubnet;
import org.diminet.vim.embedded.PortChange;
import org.diminet.vim.embedded.SubnetChange;

/**
 * Reads Neutron request bodies the way Neutron's API layer does, with its 400 messages. Bodies are read
 * as JSON trees because Neutron gives meaning to a field being absent versus {@code null}
 * ({@code gateway_ip}).
 *
 * <p>Validation is Neutron's: an attribute of no implemented extension is refused ("Unrecognized
 * attribute(s)"), one Neutron fills in itself is "not allowed in POST", and on update read-only ones are
 * refused. Which attributes exist is {@link NeutronAttributes}' business.
 */
final class NeutronRequests {
    private static final ObjectMapper JSON = new ObjectMapper();


    private NeutronRequests() {
    }

    /** @param project the body's {@code project_id} (or {@code tenant_id}); empty for the token's */
    /** @param project the body's {@code project_id} (or {@code tenant_id}); empty for the token's */
    record NetworkCreate(Optional<String> project, NewNetworkFor request) {
    }

    /** A network create without its owner, which the policy decides. */
    record NewNetworkFor(String name, boolean shared, boolean adminStateUp, String description) {
        NewNetwork owned(String project) {
            return new NewNetwork(name, project, shared, adminStateUp, description);
        }
    }

    record SubnetCreate(Optional<String> project, Optional<Integer> ipVersion, NewSubnet request) {
    }

    record PortCreate(Optional<String> project, NewPort request) {
        /** Whether the client picks an address itself rather than a subnet to take one from. */
        boolean choosesAddress() {
            return request.fixedIps().map(ips -> ips.stream().anyMatch(ip -> ip.ipAddress() != null)).orElse(false);
        }
    }

    /**
     * The resources of a create body: one for {@code {"network":{…}}}, several for a bulk
     * {@code {"networks":[…]}}, which Neutron creates all or none of.
     */
    static Creates creates(byte[] body, String resource) {
        JsonNode root = root(body);
        JsonNode bulk = root.get(resource + "s");
        if (bulk != null && !root.has(resource)) {
            if (!bulk.isArray() || bulk.isEmpty()) {
                throw badRequest("Resources required");
            }
            List<JsonNode> items = new ArrayList<>();
            for (JsonNode item : bulk) {
                items.add(resource(item, resource, "POST"));
            }
            return new Creates(items, true);
        }
        return new Creates(List.of(resource(root.get(resource), resource, "POST")), false);
    }

    /** The resources of a create body, and whether it was a bulk one (answered as a list). */
    record Creates(List<JsonNode> items, boolean bulk) {
    }

    static NetworkCreate networkCreate(JsonNode network) {
        return new NetworkCreate(project(network), new NewNetworkFor(optionalString(network, "name").orElse(""),
                optionalBoolean(network, "shared").orElse(false), optionalBoolean(network, "admin_state_up").orElse(true),
                optionalString(network, "description").orElse("")));
    }

    static NetworkChange networkUpdate(byte[] body) {
        JsonNode network = unwrapForUpdate(body, "network");
        return new NetworkChange(optionalString(network, "name"), optionalBoolean(network, "shared"),
                optionalBoolean(network, "admin_state_up"), optionalString(network, "description"));
    }

    static SubnetCreate subnetCreate(JsonNode subnet) {
        String networkId = uuid("network_id", requiredString(subnet, "network_id"));
        String cidr = requiredString(subnet, "cidr");
        Optional<Integer> ipVersion = ipVersion(subnet); // Neutron requires it; DIMINET's own clients leave it out
        return new SubnetCreate(project(subnet), ipVersion, new NewSubnet(networkId, Optional.empty(),
                optionalString(subnet, "name").orElse(""), cidr, gateway(subnet),
                allocationPools(subnet).orElse(List.of()), optionalBoolean(subnet, "enable_dhcp").orElse(true),
                nameservers(subnet).orElse(List.of()), hostRoutes(subnet).orElse(List.of()),
                optionalString(subnet, "ipv6_ra_mode").orElse(null),
                optionalString(subnet, "ipv6_address_mode").orElse(null),
                optionalString(subnet, "description").orElse("")));
    }

    static SubnetChange subnetUpdate(byte[] body) {
        JsonNode subnet = unwrapForUpdate(body, "subnet");
        Optional<GatewayChoice> gateway = subnet.has("gateway_ip") ? Optional.of(gateway(subnet)) : Optional.empty();
        return new SubnetChange(optionalString(subnet, "name"), allocationPools(subnet), gateway,
                optionalBoolean(subnet, "enable_dhcp"), nameservers(subnet), hostRoutes(subnet),
                optionalString(subnet, "description"));
    }

    static PortCreate portCreate(JsonNode port) {
        String networkId = uuid("network_id", requiredString(port, "network_id"));
        return new PortCreate(project(port), new NewPort(networkId, Optional.empty(),
                optionalString(port, "name").orElse(""), optionalString(port, "device_owner").orElse(""),
                optionalString(port, "device_id").orElse(""), fixedIps(port), optionalString(port, "mac_address"),
                optionalBoolean(port, "admin_state_up").orElse(true), optionalString(port, "description").orElse("")));
    }

    static PortChange portUpdate(byte[] body) {
        JsonNode port = unwrapForUpdate(body, "port");
        return new PortChange(optionalString(port, "name"), optionalBoolean(port, "admin_state_up"),
                optionalString(port, "description"), optionalString(port, "device_owner"),
                optionalString(port, "device_id"), optionalString(port, "mac_address"), fixedIps(port));
    }

    // ---------------------------------------------------------------------------------------------

    private static JsonNode root(byte[] body) {
        if (body == null || body.length == 0) {
            throw badRequest("Resource body required");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw badRequest("Malformed request body: Cannot understand JSON");
        } catch (IOException e) {
            throw badRequest("Malformed request body: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw badRequest("Resource body required");
        }
        if (!root.isObject()) {
            throw badRequest("Malformed request body: the body is not a JSON object");
        }
        return root;
    }

    /** One resource's attributes, checked against what Neutron (as far as it is implemented here) knows. */
    private static JsonNode resource(JsonNode wrapped, String resource, String method) {
        if (wrapped == null || wrapped.isNull()) {
            throw badRequest("Unable to find '" + resource + "' in request body");
        }
        if (!wrapped.isObject()) {
            throw invalid(resource, "'" + wrapped + "' is not a dictionary");
        }
        NeutronAttributes.check(resource, method, wrapped);
        checkTypedAttributes(wrapped);
        return wrapped;
    }

    /** Attributes the simulator ignores must still have the type Neutron requires, as Neutron refuses them. */
    private static void checkTypedAttributes(JsonNode attributes) {
        for (String flag : List.of("admin_state_up", "shared", "enable_dhcp", "port_security_enabled", "router:external")) {
            JsonNode value = attributes.get(flag);
            if (value != null && !value.isNull() && !value.isBoolean() && !BOOLEAN_TEXT.containsKey(value.asText())) {
                throw new EmbeddedVimException(400, "InvalidInput", "Invalid input for operation: '" + text(value)
                        + "' cannot be converted to boolean.");
            }
        }
        JsonNode mtu = attributes.get("mtu");
        if (mtu != null && !mtu.isNull() && (!mtu.canConvertToInt() || !mtu.isIntegralNumber() || mtu.asInt() < 68)) {
            throw invalid("mtu", "'" + text(mtu) + "' is not an integer of at least 68");
        }
    }

    private static String text(JsonNode value) {
        String text = value.isTextual() ? value.asText() : value.toString();
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }

    private static JsonNode unwrapForUpdate(byte[] body, String resource) {
        return resource(root(body).get(resource), resource, "PUT");
    }

    private static String requiredString(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw badRequest("Failed to parse request. Required attribute '" + field + "' not specified");
        }
        return string(field, value);
    }

    private static Optional<String> optionalString(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(string(field, value));
    }

    /** Neutron's convert_to_boolean: JSON booleans, and "true", "False", "1", "0" and the like. */
    private static final Map<String, Boolean> BOOLEAN_TEXT = Map.of("true", true, "True", true, "1", true,
            "false", false, "False", false, "0", false);

    /** {@code checkTypedAttributes} has already refused a flag that is not a boolean. */
    private static Optional<Boolean> optionalBoolean(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.isBoolean() ? value.asBoolean() : BOOLEAN_TEXT.get(value.asText()));
    }

    /** The owner the body asks for: {@code project_id}, or the older {@code tenant_id}; both must agree. */
    private static Optional<String> project(JsonNode resource) {
        Optional<String> project = optionalString(resource, "project_id");
        Optional<String> tenant = optionalString(resource, "tenant_id");
        if (project.isPresent() && tenant.isPresent() && !project.equals(tenant)) {
            throw badRequest("'project_id' and 'tenant_id' do not match");
        }
        return project.or(() -> tenant);
    }

    private static String string(String field, JsonNode value) {
        if (!value.isTextual()) {
            throw invalid(field, "'" + value + "' is not a valid string");
        }
        return value.asText();
    }

    private static String uuid(String field, String value) {
        try {
            UUID.fromString(value);
            if (value.length() == 36) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw invalid(field, "'" + value + "' is not a valid UUID");
    }

    /** Neutron converts "4" as well as 4. */
    private static Optional<Integer> ipVersion(JsonNode subnet) {
        JsonNode value = subnet.get("ip_version");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String text = value.isIntegralNumber() || value.isTextual() ? value.asText().trim() : "";
        if (!text.equals("4") && !text.equals("6")) {
            throw invalid("ip_version", (value.isTextual() ? value.asText() : value.toString()) + " is not in [4, 6]");
        }
        return Optional.of(Integer.parseInt(text));
    }

    private static GatewayChoice gateway(JsonNode subnet) {
        if (!subnet.has("gateway_ip")) {
            return GatewayChoice.defaultGateway();
        }
        JsonNode value = subnet.get("gateway_ip");
        if (value.isNull()) {
            return GatewayChoice.none();
        }
        if (!value.isTextual()) {
            throw invalid("gateway_ip", "'" + value + "' is not a valid IP address");
        }
        return GatewayChoice.of(value.asText());
    }

    /** Empty when absent or null; a present empty list means "no pools" on update. */
    private static Optional<List<IpRange>> allocationPools(JsonNode subnet) {
        JsonNode value = subnet.get("allocation_pools");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw invalid("allocation_pools", "Invalid data format for IP pool: '" + value + "'");
        }
        List<IpRange> pools = new ArrayList<>();
        for (JsonNode pool : value) {
            JsonNode start = pool.get("start");
            JsonNode end = pool.get("end");
            if (!pool.isObject() || pool.size() != 2 || start == null || end == null
                    || !start.isTextual() || !end.isTextual()) {
                throw invalid("allocation_pools", "Invalid data format for IP pool: '" + pool + "'");
            }
            pools.add(EmbeddedVim.allocationPool(start.asText(), end.asText()));
        }
        return Optional.of(pools);
    }

    /** Empty when absent; each entry names a subnet, an address or both. */
    private static Optional<List<FixedIpRequest>> fixedIps(JsonNode port) {
        JsonNode value = port.get("fixed_ips");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw invalid("fixed_ips", "Invalid data format for fixed IP: '" + value + "'");
        }
        List<FixedIpRequest> requests = new ArrayList<>();
        for (JsonNode entry : value) {
            if (!entry.isObject()) {
                throw invalid("fixed_ips", "Invalid data format for fixed IP: '" + entry + "'");
            }
            Optional<String> subnet = optionalString(entry, "subnet_id");
            Optional<String> address = optionalString(entry, "ip_address");
            if (subnet.isEmpty() && address.isEmpty()) {
                throw new EmbeddedVimException(400, "InvalidInput",
                        "Invalid input for operation: IP allocation requires subnet_id or ip_address.");
            }
            requests.add(new FixedIpRequest(subnet.orElse(null), address.orElse(null)));
        }
        return Optional.of(requests);
    }

    /** Empty when absent or null; duplicates are refused as Neutron's validator does. */
    private static Optional<List<String>> nameservers(JsonNode subnet) {
        JsonNode value = subnet.get("dns_nameservers");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw invalid("dns_nameservers", "'" + text(value) + "' is not a list");
        }
        List<String> servers = new ArrayList<>();
        for (JsonNode server : value) {
            String text = string("dns_nameservers", server);
            if (servers.contains(text)) {
                throw invalid("dns_nameservers", "Duplicate nameserver '" + text + "'");
            }
            servers.add(text);
        }
        return Optional.of(servers);
    }

    /** Empty when absent or null; each entry has exactly a destination and a nexthop. */
    private static Optional<List<HostRoute>> hostRoutes(JsonNode subnet) {
        JsonNode value = subnet.get("host_routes");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw invalid("host_routes", "Invalid data format for hostroute: '" + text(value) + "'");
        }
        List<HostRoute> routes = new ArrayList<>();
        for (JsonNode route : value) {
            JsonNode destination = route.get("destination");
            JsonNode nexthop = route.get("nexthop");
            if (!route.isObject() || route.size() != 2 || destination == null || nexthop == null
                    || !destination.isTextual() || !nexthop.isTextual()) {
                throw invalid("host_routes", "Invalid data format for hostroute: '" + text(route) + "'");
            }
            HostRoute parsed = new HostRoute(destination.asText(), nexthop.asText());
            if (routes.contains(parsed)) {
                throw invalid("host_routes", "Duplicate hostroute '" + text(route) + "'");
            }
            routes.add(parsed);
        }
        return Optional.of(routes);
    }

    private static EmbeddedVimException invalid(String field, String reason) {
        return badRequest("Invalid input for " + field + ". Reason: " + reason + ".");
    }

    static EmbeddedVimException badRequest(String message) {
        return new EmbeddedVimException(400, "HTTPBadRequest", message);
    }
}
