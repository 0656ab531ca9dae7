package org.diminet.server.web.neutron;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that says which Neutron API extensions this site implements: {@code GET /v2.0/extensions}
 * lists them, and {@link NeutronAttributes} accepts the attributes they add to a resource and nothing
 * else. An extension goes here only once it really works, so a client that reads the list (Tempest does)
 * never tries what is not there: routers with their gateway modes and static routes
 * ({@link NeutronRouterController}), external networks ({@link NeutronExternalNetworks}) and the (empty) agent
 * list ({@link NeutronAgentController}), with Neutron's names, descriptions and dates.
 */
final class NeutronExtensions {

    /**
     * An extension as {@code GET /v2.0/extensions} shows it, with the attributes it adds (by resource, e.g.
     * {@code "network" -> {"router:external": writable}}).
     */
    record Extension(String alias, String name, String description, String updated,
                     Map<String, Map<String, NeutronAttributes.Attribute>> attributes) {
        Map<String, Object> toMap() {
            return Map.of("alias", alias, "name", name, "description", description, "updated", updated,
                    "links", List.of());
        }
    }

    private static final NeutronAttributes.Attribute READ_ONLY_SORTED = new NeutronAttributes.Attribute(false, false, true);
    private static final NeutronAttributes.Attribute CREATE_ONLY_SORTED = new NeutronAttributes.Attribute(true, false, true);
    private static final NeutronAttributes.Attribute WRITABLE = new NeutronAttributes.Attribute(true, true, false);
    private static final NeutronAttributes.Attribute WRITABLE_SORTED = new NeutronAttributes.Attribute(true, true, true);
    private static final NeutronAttributes.Attribute UPDATE_ONLY = new NeutronAttributes.Attribute(false, true, false);

    /** Add an implemented extension here (one line), e.g. {@code new Extension("router", …)}. */
    private static final List<Extension> IMPLEMENTED = List.of(
            new Extension("agent", "agent", "The agent management extension.", "2013-02-03T10:00:00-00:00", Map.of()),
            new Extension("external-net", "Neutron external network", "Adds external network attribute to network"
                    + " resource.", "2013-01-14T10:00:00-00:00", Map.of("network", Map.of("router:external", WRITABLE))),
            new Extension("router", "Neutron L3 Router", "Router abstraction for basic L3 forwarding between L2 Neutron"
                    + " networks and access to external networks via a NAT gateway.", "2012-07-20T10:00:00-00:00",
                    Map.of("router", Map.of("id", READ_ONLY_SORTED, "name", WRITABLE_SORTED,
                            "admin_state_up", WRITABLE_SORTED, "status", READ_ONLY_SORTED, "tenant_id", CREATE_ONLY_SORTED,
                            "project_id", CREATE_ONLY_SORTED, "external_gateway_info", WRITABLE, "description", WRITABLE))),
            new Extension("ext-gw-mode", "Neutron L3 Configurable external gateway mode", "Extension of the router"
                    + " abstraction for specifying whether SNAT should occur on the external gateway",
                    "2013-03-28T10:00:00-00:00", Map.of()),
            new Extension("extraroute", "Neutron Extra Route", "Extra routes configuration for L3 router",
                    "2013-02-01T10:00:00-00:00", Map.of("router", Map.of("routes", UPDATE_ONLY))));

    private NeutronExtensions() {
    }

    static List<Extension> all() {
        return IMPLEMENTED;
    }

    static Optional<Extension> find(String alias) {
        return IMPLEMENTED.stream().filter(e -> e.alias().equals(alias)).findFirst();
    }

    /** The attributes the implemented extensions add to the resource. */
    static Map<String, NeutronAttributes.Attribute> attributes(String resource) {
        Map<String, NeutronAttributes.Attribute> added = new java.util.HashMap<>();
        IMPLEMENTED.forEach(e -> added.putAll(e.attributes().getOrDefault(resource, Map.of())));
        return added;
    }
}
