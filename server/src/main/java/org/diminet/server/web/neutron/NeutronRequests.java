package org.diminet.server.web.neutron;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.diminet.core.domain.IpRange;
import org.diminet.vim.embedded.EmbeddedVim;
import org.diminet.vim.embedded.EmbeddedVimException;
import org.diminet.vim.embedded.FixedIpRequest;
import org.diminet.vim.embedded.GatewayChoice;

/**
 * Reads Neutron request bodies the way Neutron's API layer does, with its 400 messages. Bodies are read
 * as JSON trees because Neutron gives meaning to a field being absent versus {@code null}
 * ({@code gateway_ip}).
 *
 * <p>Attributes Neutron knows but the simulator does not model ({@code admin_state_up},
 * {@code description}, {@code enable_dhcp}, …) are accepted and ignored. On update, read-only attributes
 * are refused as Neutron refuses them, and attributes Neutron could change but the simulator cannot are
 * refused rather than silently ignored.
 */
final class NeutronRequests {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Per resource: attributes Neutron never lets a client change. */
    private static final Map<String, Set<String>> READ_ONLY = Map.of(
            "network", Set.of("id", "tenant_id", "project_id", "status", "subnets"),
            "subnet", Set.of("id", "tenant_id", "project_id", "network_id", "cidr", "ip_version", "subnetpool_id"),
            "port", Set.of("id", "tenant_id", "project_id", "network_id", "status"));

    /** Per resource: attributes Neutron could change but this simulator cannot. */
    private static final Map<String, Set<String>> NOT_UPDATABLE_HERE = Map.of(
            "network", Set.of(),
            "subnet", Set.of("gateway_ip"),
            "port", Set.of("fixed_ips", "device_owner", "device_id", "mac_address"));

    private NeutronRequests() {
    }

    /** @param project the body's {@code project_id} (or {@code tenant_id}); empty for the token's */
    record NetworkCreate(String name, Optional<String> project, boolean shared) {
    }

    record NetworkUpdate(Optional<String> name, Optional<Boolean> shared) {
    }

    record SubnetCreate(String networkId, Optional<String> project, String name, String cidr,
                        Optional<Integer> ipVersion, GatewayChoice gateway, List<IpRange> allocationPools) {
    }

    record SubnetUpdate(Optional<String> name, Optional<List<IpRange>> allocationPools) {
    }

    record PortCreate(String networkId, Optional<String> project, String name, String deviceOwner, String deviceId,
                      Optional<FixedIpRequest> fixedIp) {
        /** Whether the client picks the address itself rather than a subnet to take one from. */
        boolean choosesAddress() {
            return fixedIp.map(ip -> ip.ipAddress() != null).orElse(false);
        }
    }

    record PortUpdate(Optional<String> name) {
    }

    static NetworkCreate networkCreate(byte[] body) {
        JsonNode network = unwrap(body, "network");
        return new NetworkCreate(optionalString(network, "name").orElse(""), project(network),
                optionalBoolean(network, "shared").orElse(false));
    }

    static NetworkUpdate networkUpdate(byte[] body) {
        JsonNode network = unwrapForUpdate(body, "network");
        return new NetworkUpdate(optionalString(network, "name"), optionalBoolean(network, "shared"));
    }

    static SubnetCreate subnetCreate(byte[] body) {
        JsonNode subnet = unwrap(body, "subnet");
        String networkId = uuid("network_id", requiredString(subnet, "network_id"));
        String cidr = requiredString(subnet, "cidr");
        return new SubnetCreate(networkId, project(subnet), optionalString(subnet, "name").orElse(""), cidr,
                ipVersion(subnet), gateway(subnet), allocationPools(subnet).orElse(List.of()));
    }

    static SubnetUpdate subnetUpdate(byte[] body) {
        JsonNode subnet = unwrapForUpdate(body, "subnet");
        return new SubnetUpdate(optionalString(subnet, "name"), allocationPools(subnet));
    }

    static PortCreate portCreate(byte[] body) {
        JsonNode port = unwrap(body, "port");
        String networkId = uuid("network_id", requiredString(port, "network_id"));
        return new PortCreate(networkId, project(port), optionalString(port, "name").orElse(""),
                optionalString(port, "device_owner").orElse(""), optionalString(port, "device_id").orElse(""),
                fixedIp(port));
    }

    static PortUpdate portUpdate(byte[] body) {
        JsonNode port = unwrapForUpdate(body, "port");
        return new PortUpdate(optionalString(port, "name"));
    }

    // ---------------------------------------------------------------------------------------------

    private static JsonNode unwrap(byte[] body, String resource) {
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
        JsonNode wrapped = root.get(resource);
        if (wrapped == null || wrapped.isNull()) {
            throw badRequest("Unable to find '" + resource + "' in request body");
        }
        if (!wrapped.isObject()) {
            throw invalid(resource, "'" + wrapped + "' is not a dictionary");
        }
        checkTypedAttributes(wrapped);
        return wrapped;
    }

    /** Attributes the simulator ignores must still have the type Neutron requires, as Neutron refuses them. */
    private static void checkTypedAttributes(JsonNode attributes) {
        for (String flag : List.of("admin_state_up", "shared", "enable_dhcp", "port_security_enabled", "router:external")) {
            JsonNode value = attributes.get(flag);
            if (value != null && !value.isNull() && !value.isBoolean()) {
                throw invalid(flag, "'" + text(value) + "' is not a valid boolean value");
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
        JsonNode wrapped = unwrap(body, resource);
        for (String field : READ_ONLY.get(resource)) {
            if (wrapped.has(field)) {
                throw badRequest("Cannot update read-only attribute " + field);
            }
        }
        for (String field : NOT_UPDATABLE_HERE.get(resource)) {
            if (wrapped.has(field)) {
                throw new EmbeddedVimException(400, "InvalidInput", "Invalid input for operation: the simulated site"
                        + " cannot update " + field + " of a " + resource + ".");
            }
        }
        return wrapped;
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

    /** {@code checkTypedAttributes} has already refused a flag that is not a boolean. */
    private static Optional<Boolean> optionalBoolean(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asBoolean());
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

    /** The simulator gives a port exactly one address, so {@code fixed_ips} holds one entry or is absent. */
    private static Optional<FixedIpRequest> fixedIp(JsonNode port) {
        JsonNode value = port.get("fixed_ips");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw invalid("fixed_ips", "Invalid data format for fixed IP: '" + value + "'");
        }
        if (value.size() != 1) {
            throw new EmbeddedVimException(400, "InvalidInput", "Invalid input for operation: the simulated site"
                    + " gives every port exactly one fixed IP; fixed_ips must hold one entry, not " + value.size() + ".");
        }
        JsonNode entry = value.get(0);
        if (!entry.isObject()) {
            throw invalid("fixed_ips", "Invalid data format for fixed IP: '" + entry + "'");
        }
        return Optional.of(new FixedIpRequest(optionalString(entry, "subnet_id").orElse(null),
                optionalString(entry, "ip_address").orElse(null)));
    }

    private static EmbeddedVimException invalid(String field, String reason) {
        return badRequest("Invalid input for " + field + ". Reason: " + reason + ".");
    }

    static EmbeddedVimException badRequest(String message) {
        return new EmbeddedVimException(400, "HTTPBadRequest", message);
    }
}
