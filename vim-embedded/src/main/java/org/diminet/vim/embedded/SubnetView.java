package org.diminet.vim.embedded;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;

/**
 * A subnet as the embedded VIM shows it. {@code gatewayIp} is null when the subnet has no gateway;
 * {@code allocationPools} are sorted by start address.
 *
 * @param project the project that owns it: its network's unless it was created for another one
 */
public record SubnetView(String id, String name, String project, String networkId, int ipVersion, Cidr cidr,
                         String gatewayIp, List<IpRange> allocationPools, boolean enableDhcp, Instant createdAt,
                         Instant updatedAt) {
    public SubnetView {
        Objects.requireNonNull(project, "project");
        allocationPools = List.copyOf(allocationPools);
    }
}
