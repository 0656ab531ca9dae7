package org.diminet.vim.embedded;

import java.util.List;
import java.util.Optional;
import org.diminet.core.domain.IpRange;

/**
 * What a subnet update asks for; an empty value is left as it is. A present empty pool list leaves the
 * subnet without pools; a gateway may be {@link GatewayChoice#none()} or an address, not the default.
 */
public record SubnetChange(Optional<String> name, Optional<List<IpRange>> allocationPools,
                           Optional<GatewayChoice> gateway, Optional<Boolean> enableDhcp,
                           Optional<List<String>> dnsNameservers, Optional<List<HostRoute>> hostRoutes,
                           Optional<String> description) {
    public static SubnetChange none() {
        return new SubnetChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public SubnetChange withName(Optional<String> newName) {
        return new SubnetChange(newName, allocationPools, gateway, enableDhcp, dnsNameservers, hostRoutes, description);
    }

    public SubnetChange withAllocationPools(Optional<List<IpRange>> pools) {
        return new SubnetChange(name, pools, gateway, enableDhcp, dnsNameservers, hostRoutes, description);
    }
}
