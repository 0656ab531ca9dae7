package org.diminet.core.peer;

import java.util.List;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.Resource;

/**
 * Master to site: the service's resources are now {@code resources}; for L2, also add
 * {@code extraPools} to your allocation pools.
 */
public record UpdatePartRequest(List<Resource> resources, List<IpRange> extraPools) {
    public UpdatePartRequest {
        if (resources == null || resources.isEmpty() || resources.stream().anyMatch(java.util.Objects::isNull)) {
            throw new org.diminet.core.domain.error.InvalidRequestException("resources", "resources must list the service's sites");
        }
        resources = List.copyOf(resources);
        extraPools = extraPools == null ? List.of() : List.copyOf(extraPools);
        if (extraPools.stream().anyMatch(java.util.Objects::isNull)) {
            throw new org.diminet.core.domain.error.InvalidRequestException("extra_pools", "extra_pools must not hold null entries");
        }
    }
}
