package org.diminet.server.web.neutron;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that says which Neutron API extensions this site implements: {@code GET /v2.0/extensions}
 * lists them, and {@link NeutronAttributes} accepts the attributes they add to a resource and nothing
 * else. An extension goes here only once it really works, so a client that reads the list (Tempest does)
 * never tries what is not there. Today there is none: the core API alone.
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

    /** Add an implemented extension here (one line), e.g. {@code new Extension("router", …)}. */
    private static final List<Extension> IMPLEMENTED = List.of();

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
