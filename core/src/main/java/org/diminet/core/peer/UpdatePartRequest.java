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
        resources = List.copyOf(resources);
        extraPools = List.copyOf(extraPools);
    }
}
