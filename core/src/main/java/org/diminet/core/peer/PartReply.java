package org.diminet.core.peer;

import java.util.List;
import java.util.Optional;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.ServiceState;

/**
 * A site's description of its part of a service.
 *
 * @param network   the local network (for L2 at a remote site: the one DIMINET created)
 * @param cidrs     the CIDRs of the local network's subnets
 * @param pools     L2: the allocation pools this site hands out
 * @param userPorts ports of users' machines on the local network (VIM-owned ports not counted); not counted,
 *                  so 0, in the answer to an L2 create, whose network is new and whose count nobody reads
 */
public record PartReply(Region region, Optional<NetworkId> network, List<Cidr> cidrs, List<IpRange> pools,
                        int userPorts, ServiceState state) {
    public PartReply {
        cidrs = List.copyOf(cidrs);
        pools = List.copyOf(pools);
    }
}
