package org.diminet.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * How this site reaches one remote resource of a service in the data plane: routes exported here
 * under {@code localExport} reach the remote site, and routes it exports under {@code remoteExport}
 * are imported here. Stored only at this site.
 */
public record Connection(Region remoteRegion, Optional<NetworkId> remoteNetwork,
                         RouteTarget localExport, RouteTarget remoteExport) {
    public Connection {
        Objects.requireNonNull(remoteRegion, "remoteRegion");
        Objects.requireNonNull(remoteNetwork, "remoteNetwork");
        Objects.requireNonNull(localExport, "localExport");
        Objects.requireNonNull(remoteExport, "remoteExport");
    }
}
