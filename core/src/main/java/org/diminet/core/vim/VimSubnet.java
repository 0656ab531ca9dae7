package org.diminet.core.vim;

import java.util.List;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.NetworkId;

/** A subnet as the VIM reports it. {@code gatewayIp} may be null (Neutron allows no gateway). */
public record VimSubnet(String id, NetworkId networkId, Cidr cidr, String gatewayIp, List<IpRange> allocationPools) {
    public VimSubnet {
        allocationPools = List.copyOf(allocationPools);
    }
}
