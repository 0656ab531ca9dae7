package org.diminet.core.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the data-plane driver created at this site for a service (e.g. a BGPVPN and its network
 * association), so that it can be updated and removed later.
 *
 * @param driver      the driver that made it ({@code none}, {@code bgpvpn}, ...)
 * @param externalIds ids of the objects the driver created in the VIM, empty for {@code none}
 * @param exportTarget the route target this site exports
 * @param importTargets the route targets this site imports (one per remote site)
 */
public record DataPlaneAttachment(String driver, List<String> externalIds,
                                  RouteTarget exportTarget, Set<RouteTarget> importTargets) {
    public DataPlaneAttachment {
        Objects.requireNonNull(driver, "driver");
        externalIds = List.copyOf(externalIds);
        Objects.requireNonNull(exportTarget, "exportTarget");
        importTargets = Set.copyOf(importTargets);
    }
}
