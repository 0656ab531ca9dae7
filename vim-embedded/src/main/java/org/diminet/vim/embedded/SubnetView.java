package org.diminet.vim.embedded;

import java.time.Instant;
import java.util.List;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;

/**
 * A subnet as the embedded VIM shows it. {@code gatewayIp} is null when the subnet has no gateway;
 * {@code allocationPools} are sorted by start address.
 */
public record SubnetView(String id, String name, String networkId, int ipVersion, Cidr cidr, String gatewayIp,
                         List<IpRange> allocationPools, boolean enableDhcp, Instant createdAt, Instant updatedAt) {
    public SubnetView {
        allocationPools = List.copyOf(allocationPools);
    }
}
