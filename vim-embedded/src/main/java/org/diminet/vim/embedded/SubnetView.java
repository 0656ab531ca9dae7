package org.diminet.vim.embedded;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;

/**
 * A subnet as the embedded VIM shows it. {@code gatewayIp} is null when the subnet has no gateway;
 * {@code allocationPools} are sorted by start address; the IPv6 modes are null when not set.
 *
 * @param project  the project that owns it: its network's unless it was created for another one
 * @param revision Neutron's {@code revision_number}: 1 when created, one more with every change
 */
public record SubnetView(String id, String name, String project, String networkId, int ipVersion, Cidr cidr,
                         String gatewayIp, List<IpRange> allocationPools, boolean enableDhcp, Instant createdAt,
                         Instant updatedAt, List<String> dnsNameservers, List<HostRoute> hostRoutes,
                         String ipv6RaMode, String ipv6AddressMode, String description, long revision) {
    /** The IPv6 modes under which hosts make their own address from the prefix and their MAC (EUI-64). */
    static final Set<String> AUTO_ADDRESS_MODES = Set.of("slaac", "dhcpv6-stateless");

    public SubnetView {
        Objects.requireNonNull(project, "project");
        allocationPools = List.copyOf(allocationPools);
        dnsNameservers = dnsNameservers == null ? List.of() : List.copyOf(dnsNameservers);
        hostRoutes = hostRoutes == null ? List.of() : List.copyOf(hostRoutes);
        description = description == null ? "" : description;
    }

    /**
     * Whether ports get their address here by EUI-64 rather than from the pools, as Neutron decides it:
     * either IPv6 mode is SLAAC or DHCPv6-stateless.
     */
    public boolean isAutoAddress() {
        return isAutoAddressMode(ipv6AddressMode) || isAutoAddressMode(ipv6RaMode);
    }

    static boolean isAutoAddressMode(String mode) {
        return mode != null && AUTO_ADDRESS_MODES.contains(mode); // Set.of refuses to look up null
    }
}
