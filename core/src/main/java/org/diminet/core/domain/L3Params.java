package org.diminet.core.domain;

import java.util.List;

/** L3 routing at one site: the CIDRs of the local network's subnets. */
public record L3Params(List<Cidr> localCidrs) implements ServiceParams {
    public L3Params {
        localCidrs = List.copyOf(localCidrs);
    }
}
