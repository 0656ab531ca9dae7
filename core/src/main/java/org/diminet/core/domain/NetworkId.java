package org.diminet.core.domain;

import java.util.UUID;
import org.diminet.core.domain.error.InvalidRequestException;

/** The id of a network in one site's VIM. Neutron ids are UUIDs, so anything else is refused early. */
public record NetworkId(String value) {
    private static final java.util.regex.Pattern CANONICAL =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public NetworkId {
        if (value == null) {
            throw new InvalidRequestException("network", "network id is missing");
        }
        if (!CANONICAL.matcher(value).matches()) {
            throw new InvalidRequestException("network", "network id '" + value + "' is not a UUID");
        }
        value = UUID.fromString(value).toString();
    }

    public static NetworkId of(String value) {
        return new NetworkId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
