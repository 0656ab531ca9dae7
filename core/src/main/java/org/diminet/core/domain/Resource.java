package org.diminet.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One site's part of a service: a region and the network there. The network is absent only while an
 * L2 extension's remote network has not been created yet (the request names just the region).
 */
public record Resource(Region region, Optional<NetworkId> network) {
    public Resource {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(network, "network");
    }

    public static Resource of(Region region, NetworkId network) {
        return new Resource(region, Optional.of(network));
    }

    public static Resource regionOnly(Region region) {
        return new Resource(region, Optional.empty());
    }

    public Resource withNetwork(NetworkId id) {
        return of(region, id);
    }

    /** The prototype's textual form: {@code RegionOne,<uuid>} or just {@code RegionTwo}. */
    public String toLegacyString() {
        return network.map(n -> region + "," + n).orElse(region.name());
    }
}
