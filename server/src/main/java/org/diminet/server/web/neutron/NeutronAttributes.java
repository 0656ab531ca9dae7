package org.diminet.server.web.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.diminet.vim.embedded.EmbeddedVimException;

/**
 * The attributes of each resource as Neutron's API layer knows them, with what a client may do with them:
 * Neutron's core attributes (neutron-lib's network, subnet and port definitions) plus {@code description}
 * and {@code project_id}, and those of the extensions {@link NeutronExtensions} lists. Anything else in a
 * request is refused as Neutron refuses it: "Unrecognized attribute(s)" (so a client never believes an
 * extension such as {@code router:external} took effect when it did not), "Attribute 'x' not allowed in
 * POST", "Cannot update read-only attribute x". The sort keys are Neutron's too.
 */
final class NeutronAttributes {

    /** What a client may do with one attribute. */
    record Attribute(boolean post, boolean put, boolean sortKey) {
    }

    private static final Attribute READ_ONLY = new Attribute(false, false, false);
    private static final Attribute READ_ONLY_SORTED = new Attribute(false, false, true);
    private static final Attribute CREATE_ONLY = new Attribute(true, false, false);
    private static final Attribute CREATE_ONLY_SORTED = new Attribute(true, false, true);
    private static final Attribute WRITABLE = new Attribute(true, true, false);
    private static final Attribute WRITABLE_SORTED = new Attribute(true, true, true);

    private static final Map<String, Map<String, Attribute>> CORE = Map.of(
            "network", Map.of("id", READ_ONLY_SORTED, "name", WRITABLE_SORTED, "subnets", READ_ONLY,
                    "admin_state_up", WRITABLE_SORTED, "status", READ_ONLY_SORTED, "tenant_id", CREATE_ONLY_SORTED,
                    "project_id", CREATE_ONLY_SORTED, "shared", WRITABLE, "description", WRITABLE),
            "subnet", Map.ofEntries(Map.entry("id", READ_ONLY_SORTED), Map.entry("name", WRITABLE_SORTED),
                    Map.entry("ip_version", CREATE_ONLY_SORTED), Map.entry("network_id", CREATE_ONLY_SORTED),
                    Map.entry("cidr", CREATE_ONLY_SORTED), Map.entry("gateway_ip", WRITABLE_SORTED),
                    Map.entry("allocation_pools", WRITABLE), Map.entry("dns_nameservers", WRITABLE),
                    Map.entry("host_routes", WRITABLE), Map.entry("tenant_id", CREATE_ONLY_SORTED),
                    Map.entry("project_id", CREATE_ONLY_SORTED), Map.entry("enable_dhcp", WRITABLE_SORTED),
                    Map.entry("ipv6_ra_mode", CREATE_ONLY_SORTED), Map.entry("ipv6_address_mode", CREATE_ONLY_SORTED),
                    Map.entry("subnetpool_id", READ_ONLY_SORTED), Map.entry("description", WRITABLE)),
            "port", Map.ofEntries(Map.entry("id", READ_ONLY_SORTED), Map.entry("name", WRITABLE_SORTED),
                    Map.entry("network_id", CREATE_ONLY_SORTED), Map.entry("admin_state_up", WRITABLE_SORTED),
                    Map.entry("mac_address", WRITABLE_SORTED), Map.entry("fixed_ips", WRITABLE),
                    Map.entry("device_id", WRITABLE_SORTED), Map.entry("device_owner", WRITABLE_SORTED),
                    Map.entry("tenant_id", CREATE_ONLY_SORTED), Map.entry("project_id", CREATE_ONLY_SORTED),
                    Map.entry("status", READ_ONLY_SORTED), Map.entry("description", WRITABLE)));

    private NeutronAttributes() {
    }

    /** The attributes of {@code resource} (network, subnet, port, or one an extension adds). */
    static Map<String, Attribute> of(String resource) {
        Map<String, Attribute> attributes = new java.util.HashMap<>(CORE.getOrDefault(resource, Map.of()));
        NeutronExtensions.attributes(resource).forEach(attributes::put);
        return attributes;
    }

    /**
     * Refuses what Neutron refuses in a POST or PUT body, in Neutron's order: unknown attributes, then
     * those the method may not set.
     */
    static void check(String resource, String method, JsonNode body) {
        Map<String, Attribute> known = of(resource);
        Set<String> unknown = new TreeSet<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!known.containsKey(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw NeutronRequests.badRequest("Unrecognized attribute(s) '" + String.join(", ", unknown) + "'");
        }
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            Attribute attribute = known.get(name);
            if (method.equals("POST") && !attribute.post()) {
                throw NeutronRequests.badRequest("Attribute '" + name + "' not allowed in POST");
            }
            if (method.equals("PUT") && !attribute.put()) {
                throw NeutronRequests.badRequest("Cannot update read-only attribute " + name);
            }
        }
    }

    /** The keys a list may be sorted by. */
    static Set<String> sortKeys(String resource) {
        Set<String> keys = new TreeSet<>();
        of(resource).forEach((name, attribute) -> {
            if (attribute.sortKey()) {
                keys.add(name);
            }
        });
        return keys;
    }

    /** Refuses a sort on an attribute Neutron does not sort by, with Neutron's message. */
    static void requireSortKeys(String resource, List<String> requested) {
        List<String> invalid = requested.stream().filter(key -> !sortKeys(resource).contains(key)).toList();
        if (!invalid.isEmpty()) {
            throw new EmbeddedVimException(400, "HTTPBadRequest", pythonList(invalid) + " is invalid attribute for sort_keys");
        }
    }

    static String pythonList(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
