package org.diminet.core.domain;

import java.util.UUID;
import org.diminet.core.error.InvalidRequestException;

/** The id of a network in one site's VIM. Neutron ids are UUIDs, so anything else is refused early. */
public record NetworkId(String value) {
    public NetworkId {
        if (value == null) {
            throw new InvalidRequestException("network", "network id is missing");
        }
        try {
            value = UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("network", "network id '" + value + "' is not a UUID");
        }
    }

    public static NetworkId of(String value) {
        return new NetworkId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
