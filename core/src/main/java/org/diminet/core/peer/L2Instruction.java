package org.diminet.core.peer;

import java.util.List;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.error.InvalidRequestException;

/** What a site needs to host its copy of an extended network. */
public record L2Instruction(Cidr cidr, String gatewayIp, List<IpRange> pools) {
    public L2Instruction {
        if (cidr == null) {
            throw new InvalidRequestException("l2.cidr", "l2.cidr is required");
        }
        if (pools == null || pools.isEmpty() || pools.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidRequestException("l2.pools", "l2.pools must list at least one pool");
        }
        for (IpRange pool : pools) {
            if (pool.toSeqRange().getLower().isIPv4() != cidr.block().isIPv4() || !cidr.block().contains(pool.toSeqRange().getLower())
                    || !cidr.block().contains(pool.toSeqRange().getUpper())) {
                throw new InvalidRequestException("l2.pools", "pool " + pool + " is not inside " + cidr);
            }
        }
        if (gatewayIp != null && org.diminet.core.domain.IpText.parse(gatewayIp)
                .filter(g -> !g.isMultiple() && cidr.block().contains(g.withoutPrefixLength())).isEmpty()) {
            throw new InvalidRequestException("l2.gateway_ip", "gateway '" + gatewayIp + "' is not an address inside " + cidr);
        }
        pools = List.copyOf(pools);
    }
}
