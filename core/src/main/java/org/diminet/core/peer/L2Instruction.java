package org.diminet.core.peer;

import java.util.List;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;

/** What a site needs to host its copy of an extended network. */
public record L2Instruction(Cidr cidr, String gatewayIp, List<IpRange> pools) {
    public L2Instruction {
        pools = List.copyOf(pools);
    }
}
