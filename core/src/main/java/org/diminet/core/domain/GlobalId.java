package org.diminet.core.domain;

import java.util.Objects;
import java.util.UUID;
import org.diminet.core.domain.error.InvalidRequestException;

/** The identifier of an inter-site service, made by its master and the same at every site. */
public record GlobalId(UUID value) {
    public GlobalId {
        Objects.requireNonNull(value, "value");
    }

    public static GlobalId random() {
        return new GlobalId(UUID.randomUUID());
    }

    /** Parses a caller-supplied id; a malformed one is the caller's error, named as {@code global_id}. */
    public static GlobalId parse(String text) {
        try {
            return new GlobalId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidRequestException("global_id", "global_id '" + text + "' is not a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
