package org.diminet.vim.embedded;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
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

    /** A project id as given; a resource always has an owner, so blank is refused as Neutron's 400. */
    static String project(String project) {
        if (project == null || project.isBlank()) {
            throw EmbeddedVimException.invalidInput("a project id must not be empty.");
        }
        return project;
    }

    private static final java.util.regex.Pattern MAC =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{2}([:-][0-9a-fA-F]{2}){5}");

    /**
     * A MAC address as Neutron stores it: as written (the lab Neutron keeps upper case). Neutron refuses
     * malformed ones, all zeros and the broadcast address.
     */
    static String mac(String text) {
        if (text == null || !MAC.matcher(text).matches() || text.replaceAll("[:-]", "").matches("0+|[fF]+")) {
            throw EmbeddedVimException.badRequest("HTTPBadRequest", "Invalid input for mac_address. Reason: '" + text
                    + "' is not a valid MAC address.");
        }
        return text;
    }

    /** The owner of a new subnet or port: the project asked for, or else its network's. */
    static String ownerOf(Optional<String> requested, NetworkView network) {
        return requested.map(ResourceFields::project).orElse(network.project());
    }
}
