package org.diminet.vim.embedded;

import java.util.List;
import java.util.Optional;
import org.diminet.core.domain.IpRange;

/**
 * What a subnet create asks for.
 *
 * @param project         the owner; empty for the network's (Neutron lets only an admin choose another,
 *                        which is for the API's policy to check)
 * @param cidr            the CIDR as the client wrote it; host bits must be zero
 * @param allocationPools empty for every usable address: the CIDR minus its first and last address and
 *                        minus the gateway
 * @param ipv6RaMode      {@code slaac}, {@code dhcpv6-stateful}, {@code dhcpv6-stateless} or null
 * @param ipv6AddressMode the same choices
 */
public record NewSubnet(String networkId, Optional<String> project, String name, String cidr, GatewayChoice gateway,
                        List<IpRange> allocationPools, boolean enableDhcp, List<String> dnsNameservers,
                        List<HostRoute> hostRoutes, String ipv6RaMode, String ipv6AddressMode, String description) {
    public NewSubnet {
        allocationPools = List.copyOf(allocationPools);
        dnsNameservers = List.copyOf(dnsNameservers);
        hostRoutes = List.copyOf(hostRoutes);
    }

    /** A subnet with DHCP on, no DNS servers, routes or IPv6 modes. */
    public static NewSubnet of(String networkId, Optional<String> project, String name, String cidr,
                               GatewayChoice gateway, List<IpRange> allocationPools) {
        return new NewSubnet(networkId, project, name, cidr, gateway, allocationPools, true, List.of(), List.of(),
                null, null, "");
    }
}
