package org.diminet.core.peer;

import java.util.List;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.Resource;

/**
 * The master's word on one site's place in a service, which a site asks for when it starts or when the
 * master answers again after a partition.
 *
 * @param member    whether the site is (or, by a running change, is becoming) a site of the service
 * @param resources the service's resources as the master has them
 * @param pools     L2: the pools the master's ledger gives that site
 */
public record Standing(boolean member, List<Resource> resources, List<IpRange> pools) {
    public Standing {
        resources = List.copyOf(resources);
        pools = List.copyOf(pools);
    }
}
