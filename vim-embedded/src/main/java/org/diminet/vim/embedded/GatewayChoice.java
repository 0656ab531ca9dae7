package org.diminet.vim.embedded;

import java.util.Objects;

/**
 * What gateway a new subnet gets. Mirrors Neutron's {@code gateway_ip}: absent from the request
 * ({@link #defaultGateway()}: the first host address of the CIDR), {@code null} ({@link #none()}), or
 * an address ({@link #of(String)}).
 */
public sealed interface GatewayChoice {

    /** The first host address of the CIDR. */
    record Default() implements GatewayChoice {
    }

    /** No gateway at all. */
    record None() implements GatewayChoice {
    }

    /** This address, validated when the subnet is created. */
    record Address(String ip) implements GatewayChoice {
        public Address {
            Objects.requireNonNull(ip, "ip");
        }
    }

    static GatewayChoice defaultGateway() {
        return new Default();
    }

    static GatewayChoice none() {
        return new None();
    }

    static GatewayChoice of(String ip) {
        return new Address(ip);
    }
}
