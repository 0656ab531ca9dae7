package org.diminet.core.vim;

import java.util.List;
import java.util.Objects;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;

/** What a new subnet should look like. An empty pool list lets the VIM choose (Neutron: whole CIDR). */
public record SubnetSpec(Cidr cidr, String gatewayIp, List<IpRange> allocationPools) {
    public SubnetSpec {
        Objects.requireNonNull(cidr, "cidr");
        allocationPools = List.copyOf(allocationPools);
    }
}
