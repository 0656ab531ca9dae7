package org.diminet.server.web.neutron;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.diminet.vim.embedded.EmbeddedVimException;
import org.diminet.vim.embedded.FixedIpRequest;
import org.diminet.vim.embedded.GatewayRequest;
import org.diminet.vim.embedded.RouterView;

/**
 * Reads router bodies as Neutron's API layer does for the {@code router}, {@code ext-gw-mode} and
 * {@code extraroute} extensions, strictly: the attributes those extensions define ({@link NeutronExtensions}) are
 * checked by {@link NeutronAttributes} like any resource's (unrecognized, not allowed in POST, read-only). The networks' {@code router:external} is read by
 * {@link NeutronExternalNetworks}.
 */
final class NeutronRouterRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> GATEWAY_KEYS = Set.of("network_id", "enable_snat", "external_fixed_ips");
    private static final int NAME_LENGTH = 255;
    private static final int DESCRIPTION_LENGTH = 255;

    private NeutronRouterRequests() {
    }

    /**
     * @param gateway empty when the body has none ({@code null} or {@code {}} mean none too, as in Neutron)
     */
    record RouterCreate(String name, Optional<String> project, boolean adminStateUp, String description,
                        Optional<GatewayRequest> gateway) {
    }

    /**
     * @param gateway empty: unchanged; present but empty: removed
     * @param routes  empty: unchanged; else the new static routes ({@code null} in the body: none)
     */
    record RouterUpdate(Optional<String> name, Optional<Boolean> adminStateUp, Optional<String> description,
                        Optional<Optional<GatewayRequest>> gateway, Optional<List<RouterView.Route>> routes) {
    }

    /** The body of {@code add_router_interface} / {@code remove_router_interface}. */
    record InterfaceRequest(Optional<String> portId, Optional<String> subnetId) {
    }

    static RouterCreate routerCreate(byte[] body) {
        JsonNode router = unwrap(body, "POST");
        Optional<String> project = string(router, "project_id", NAME_LENGTH);
        Optional<String> tenant = string(router, "tenant_id", NAME_LENGTH);
        if (project.isPresent() && tenant.isPresent() && !project.equals(tenant)) {
            throw NeutronRequests.badRequest("'project_id' and 'tenant_id' do not match");
        }
        return new RouterCreate(string(router, "name", NAME_LENGTH).orElse(""), project.or(() -> tenant),
                bool(router, "admin_state_up").orElse(true), string(router, "description", DESCRIPTION_LENGTH).orElse(""),
                gateway(router).flatMap(g -> g));
    }

    static RouterUpdate routerUpdate(byte[] body) {
        JsonNode router = unwrap(body, "PUT");
        return new RouterUpdate(string(router, "name", NAME_LENGTH), bool(router, "admin_state_up"),
                string(router, "description", DESCRIPTION_LENGTH), gateway(router), routes(router));
    }

    /**
     * The body of an interface action, checked as Neutron checks it once the router is found: one of the ids at
     * least, UUIDs, and not both when adding.
     */
    static InterfaceRequest interfaceRequest(byte[] body, boolean forRemoval) {
        JsonNode root = parse(body);
        if (!root.has("port_id") && !root.has("subnet_id")) {
            throw routerBadRequest("Either subnet_id or port_id must be specified");
        }
        Optional<String> portId = interfaceId(root, "port_id");
        Optional<String> subnetId = interfaceId(root, "subnet_id");
        if (!forRemoval && portId.isPresent() && subnetId.isPresent()) {
            throw routerBadRequest("Cannot specify both subnet-id and port-id");
        }
        return new InterfaceRequest(portId, subnetId);
    }

    // ---------------------------------------------------------------------------------------------

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw NeutronRequests.badRequest("Resource body required");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw NeutronRequests.badRequest("Malformed request body: Cannot understand JSON");
        } catch (IOException e) {
            throw NeutronRequests.badRequest("Malformed request body: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw NeutronRequests.badRequest("Resource body required");
        }
        if (!root.isObject()) {
            throw NeutronRequests.badRequest("Malformed request body: the body is not a JSON object");
        }
        return root;
    }

    /** The {@code router} object, its attributes checked by {@link NeutronAttributes} as for any resource. */
    private static JsonNode unwrap(byte[] body, String method) {
        JsonNode wrapped = parse(body).get("router");
        if (wrapped == null || wrapped.isNull()) {
            throw NeutronRequests.badRequest("Unable to find 'router' in request body");
        }
        if (!wrapped.isObject()) {
            throw invalid("router", "'" + wrapped + "' is not a dictionary");
        }
        NeutronAttributes.check("router", method, wrapped);
        return wrapped;
    }

    /** Neutron's {@code type:hostroutes}, with its messages; {@code null} means no routes. */
    private static Optional<List<RouterView.Route>> routes(JsonNode router) {
        if (!router.has("routes")) {
            return Optional.empty();
        }
        JsonNode value = router.get("routes");
        if (value.isNull()) {
            return Optional.of(List.of());
        }
        if (!value.isArray()) {
            throw invalid("routes", "Invalid data format for hostroute: '" + text(value) + "'");
        }
        List<RouterView.Route> routes = new ArrayList<>();
        for (JsonNode entry : value) {
            List<String> keys = new ArrayList<>();
            entry.fieldNames().forEachRemaining(k -> keys.add("'" + k + "'"));
            if (!entry.isObject() || entry.size() != 2 || !entry.has("destination") || !entry.has("nexthop")) {
                throw invalid("routes", entry.isObject() ? "Validation of dictionary's keys failed. Expected keys:"
                        + " {'destination', 'nexthop'} Provided keys: {" + String.join(", ", keys) + "}"
                        : "Invalid input. '" + text(entry) + "' must be a dictionary with keys: ['destination', 'nexthop']");
            }
            RouterView.Route route = new RouterView.Route(destination(entry.get("destination")), nexthop(entry.get("nexthop")));
            if (routes.contains(route)) {
                throw invalid("routes", "Duplicate hostroute '{'destination': '" + route.destination() + "', 'nexthop': '"
                        + route.nexthop() + "'}'");
            }
            routes.add(route);
        }
        return Optional.of(routes);
    }

    private static String destination(JsonNode value) {
        IPAddress cidr = value.isTextual() ? new IPAddressString(value.asText().strip()).getAddress() : null;
        if (cidr == null || !cidr.isPrefixed()) {
            throw invalid("routes", "'" + text(value) + "' is not a valid CIDR");
        }
        String canonical = cidr.toPrefixBlock().toCanonicalString();
        if (!cidr.isPrefixBlock()) {
            throw invalid("routes", "'" + text(value) + "' is not a recognized CIDR, '" + canonical + "' is recommended");
        }
        return canonical;
    }

    private static String nexthop(JsonNode value) {
        IPAddress address = value.isTextual() ? new IPAddressString(value.asText().strip()).getAddress() : null;
        if (address == null || address.isPrefixed()) {
            throw invalid("routes", "'" + text(value) + "' is not a valid IP address");
        }
        return address.toCanonicalString();
    }

    /** Empty: not in the body; present and empty: {@code null} or {@code {}}, i.e. no gateway. */
    private static Optional<Optional<GatewayRequest>> gateway(JsonNode router) {
        if (!router.has("external_gateway_info")) {
            return Optional.empty();
        }
        JsonNode info = router.get("external_gateway_info");
        if (info.isNull() || info.isObject() && info.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        if (!info.isObject()) {
            throw invalid("external_gateway_info", "'" + text(info) + "' is not a dictionary");
        }
        if (!info.has("network_id")) {
            List<String> provided = new ArrayList<>();
            info.fieldNames().forEachRemaining(f -> provided.add("'" + f + "'"));
            throw invalid("external_gateway_info", "Validation of dictionary's keys failed. Expected keys: {'network_id'}"
                    + " Provided keys: {" + String.join(", ", provided) + "}");
        }
        List<String> unexpected = new ArrayList<>();
        info.fieldNames().forEachRemaining(f -> {
            if (!GATEWAY_KEYS.contains(f)) {
                unexpected.add(f);
            }
        });
        if (!unexpected.isEmpty()) {
            throw invalid("external_gateway_info", "Unexpected keys supplied: " + String.join(", ", unexpected));
        }
        JsonNode networkId = info.get("network_id");
        if (!networkId.isTextual() || !isUuid(networkId.asText())) {
            throw invalid("external_gateway_info", "'" + text(networkId) + "' is not a valid UUID");
        }
        Optional<Boolean> enableSnat = Optional.empty();
        JsonNode snat = info.get("enable_snat");
        if (snat != null && !snat.isNull()) {
            enableSnat = Optional.of(booleanValue("external_gateway_info", snat));
        }
        return Optional.of(Optional.of(new GatewayRequest(networkId.asText(), enableSnat, fixedIps(info.get("external_fixed_ips")))));
    }

    private static List<FixedIpRequest> fixedIps(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid("external_gateway_info", "Invalid data format for fixed IP: '" + text(value) + "'");
        }
        List<FixedIpRequest> requests = new ArrayList<>();
        for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
            JsonNode entry = it.next();
            if (!entry.isObject()) {
                throw invalid("external_gateway_info", "Invalid data format for fixed IP: '" + text(entry) + "'");
            }
            JsonNode subnet = entry.get("subnet_id");
            JsonNode address = entry.get("ip_address");
            if (subnet != null && !subnet.isNull() && (!subnet.isTextual() || !isUuid(subnet.asText()))) {
                throw invalid("external_gateway_info", "'" + text(subnet) + "' is not a valid UUID");
            }
            if (address != null && !address.isNull() && !address.isTextual()) {
                throw invalid("external_gateway_info", "'" + text(address) + "' is not a valid IP address");
            }
            String subnetId = subnet == null || subnet.isNull() ? null : subnet.asText();
            String ip = address == null || address.isNull() ? null : address.asText();
            if (subnetId == null && ip == null) {
                throw invalid("external_gateway_info", "Invalid data format for fixed IP: '" + text(entry) + "'");
            }
            requests.add(new FixedIpRequest(subnetId, ip));
        }
        return requests;
    }

    private static Optional<String> interfaceId(JsonNode root, String field) {
        if (!root.has(field)) {
            return Optional.empty();
        }
        JsonNode value = root.get(field);
        String text = value.isTextual() ? value.asText() : text(value);
        if (!value.isTextual() || !isUuid(text)) {
            throw routerBadRequest("'" + text + "' is not a valid UUID");
        }
        return Optional.of(text);
    }

    private static Optional<String> string(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(field, "'" + text(value) + "' is not a valid string");
        }
        if (value.asText().length() > maxLength) {
            throw invalid(field, "'" + text(value) + "' exceeds maximum length of " + maxLength);
        }
        return Optional.of(value.asText());
    }

    private static Optional<Boolean> bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(booleanValue(field, value));
    }

    /** Neutron's convert_to_boolean: true/false, and the strings and numbers it reads as those. */
    private static boolean booleanValue(String field, JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value.isTextual() || value.isIntegralNumber() ? value.asText().strip().toLowerCase(java.util.Locale.ROOT) : "";
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw invalid(field, "'" + text(value) + "' cannot be converted to boolean");
        };
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonNode value) {
        String text = value.isTextual() ? value.asText() : value.toString();
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }

    private static EmbeddedVimException invalid(String field, String reason) {
        return NeutronRequests.badRequest("Invalid input for " + field + ". Reason: " + reason + ".");
    }

    static EmbeddedVimException routerBadRequest(String message) {
        return new EmbeddedVimException(400, "BadRequest", "Bad router request: " + message + ".");
    }
}
