package org.diminet.core.domain;

import java.util.Arrays;
import org.diminet.core.domain.error.InvalidRequestException;

/** The two inter-site services DIMINET offers. */
public enum ServiceType {
    /** L2 extension of one site's network to other sites. */
    L2,
    /** L3 routing between existing networks of several sites. */
    L3;

    public static ServiceType parse(String text) {
        for (ServiceType type : values()) {
            if (type.name().equalsIgnoreCase(text)) {
                return type;
            }
        }
        throw new InvalidRequestException("type",
                "type '" + text + "' is unknown; known types: " + Arrays.toString(values()));
    }
}
