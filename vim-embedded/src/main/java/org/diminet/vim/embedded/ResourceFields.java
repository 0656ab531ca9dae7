package org.diminet.vim.embedded;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Values Neutron fills in itself when a resource is created or changed. */
final class ResourceFields {

    private ResourceFields() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Now, to the second: Neutron's timestamps have no fraction. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Neutron answers a missing name, owner or device as an empty string, never as null. */
    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
