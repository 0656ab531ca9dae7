package org.diminet.vim.embedded;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.error.InvalidRequestException;

/**
 * Neutron's checks of what a client asks for: a subnet's CIDR, gateway and allocation pools, and the
 * addresses a port asks for. Failures carry Neutron's error types and messages, so a Neutron client sees
 * what an OpenStack would answer. Nothing here reads or changes the site.
 */
final class SubnetValidation {

    private SubnetValidation() {
    }

    /** @see EmbeddedVim#allocationPool(String, String) */
    static IpRange allocationPool(String start, String end) {
        if (isBlank(start) || isBlank(end)) {
            throw invalidAllocationPool(start + "-" + end);
        }
        try {
            return new IpRange(start, end);
        } catch (InvalidRequestException e) {
            throw invalidAllocationPool(start + "-" + end);
        }
    }

    /** A CIDR as the client wrote it; its host bits must be zero. */
    static Cidr cidr(String text) {
        IPAddress parsed = org.diminet.core.domain.IpText.parse(text).orElse(null);
        if (parsed == null || !parsed.isPrefixed()) {
            throw EmbeddedVimException.invalidInput("'" + text + "' is not a valid IP subnet.");
        }
        if (!parsed.isPrefixBlock()) {
            throw EmbeddedVimException.invalidInput("'" + text + "' isn't a recognized IP subnet cidr, '"
                    + parsed.toPrefixBlock().toCanonicalString() + "' is recommended.");
        }
        try {
            return Cidr.of(text);
        } catch (InvalidRequestException e) {
            throw EmbeddedVimException.invalidInput("'" + text + "' is not a valid IP subnet.");
        }
    }

    /** The gateway a new subnet gets, as a canonical address; null for none. */
    static String gatewayIp(Cidr cidr, GatewayChoice gateway) {
        return switch (Objects.requireNonNull(gateway, "gateway")) {
            case GatewayChoice.Default d -> hasHosts(cidr) ? cidr.defaultGateway() : null;
            case GatewayChoice.None n -> null;
            case GatewayChoice.Address a -> validGateway(cidr, a.ip());
        };
    }

    private static String validGateway(Cidr cidr, String text) {
        IPAddress gateway = address(text);
        if (gateway.getIPVersion() != cidr.block().getIPVersion()) {
            throw EmbeddedVimException.invalidInput("gateway_ip '" + text + "' does not match the ip_version '"
                    + cidr.ipVersion() + "'");
        }
        // As in Neutron, a gateway outside the CIDR is allowed, but not the CIDR's network or broadcast address.
        if (cidr.block().toSequentialRange().contains(gateway) && !isHostAddress(cidr, gateway)) {
            throw EmbeddedVimException.invalidInput("Gateway is not valid on subnet");
        }
        return gateway.toCanonicalString();
    }

    /** A new subnet's pools: the requested ones once checked, or when none are requested, every usable address. */
    static List<IpRange> allocationPools(Cidr cidr, String gatewayIp, List<IpRange> requested) {
        return requested.isEmpty() ? defaultPools(cidr, gatewayIp) : validPools(cidr, gatewayIp, requested);
    }

    /** The CIDR minus its first address, its last address and the gateway. */
    private static List<IpRange> defaultPools(Cidr cidr, String gatewayIp) {
        if (!hasHosts(cidr)) {
            return List.of();
        }
        IPAddressSeqRange usable = usable(cidr);
        IPAddressSeqRange[] parts = gatewayIp == null
                ? new IPAddressSeqRange[] {usable}
                : usable.subtract(address(gatewayIp).toSequentialRange());
        return List.of(parts).stream().map(IpRange::of).toList();
    }

    /** Neutron's pool checks, in Neutron's order; returns the pools sorted by start. */
    static List<IpRange> validPools(Cidr cidr, String gatewayIp, List<IpRange> pools) {
        IPAddressSeqRange usable = hasHosts(cidr) ? usable(cidr) : null;
        for (IpRange pool : pools) {
            IPAddressSeqRange range = pool.toSeqRange();
            if (range.getLower().getIPVersion() != cidr.block().getIPVersion()) {
                throw invalidAllocationPool(pool.toString());
            }
            if (usable == null || !usable.contains(range)) {
                throw EmbeddedVimException.badRequest("OutOfBoundsAllocationPool",
                        "The allocation pool " + pool + " spans beyond the subnet cidr " + cidr + ".");
            }
        }
        List<IpRange> sorted = pools.stream()
                .sorted(Comparator.comparing((IpRange p) -> p.toSeqRange().getLower(), IPAddress::compareTo))
                .toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw EmbeddedVimException.badRequest("OverlappingAllocationPools", "Found overlapping allocation pools: "
                        + sorted.get(i - 1) + " " + sorted.get(i) + " for subnet " + cidr + ".");
            }
        }
        if (gatewayIp != null) {
            for (IpRange pool : sorted) {
                if (pool.contains(gatewayIp)) {
                    throw EmbeddedVimException.conflict("GatewayConflictWithAllocationPools",
                            "Gateway ip " + gatewayIp + " conflicts with allocation pool " + pool);
                }
            }
        }
        return sorted;
    }

    private static EmbeddedVimException invalidAllocationPool(String pool) {
        return EmbeddedVimException.badRequest("InvalidAllocationPool", "The allocation pool " + pool + " is not valid.");
    }

    private static final int MAX_DNS_NAMESERVERS = 5;
    private static final int MAX_HOST_ROUTES = 20;
    private static final java.util.Set<String> IPV6_MODES = java.util.Set.of("slaac", "dhcpv6-stateful", "dhcpv6-stateless");

    /** Neutron's limits on DNS servers: at most 5, each an address of the subnet's IP version. */
    static List<String> dnsNameservers(String subnet, int ipVersion, List<String> servers) {
        if (servers.size() > MAX_DNS_NAMESERVERS) {
            throw EmbeddedVimException.badRequest("DNSNameServersExhausted", "Unable to complete operation for "
                    + subnet + ". The number of DNS nameservers exceeds the limit " + MAX_DNS_NAMESERVERS + ".");
        }
        for (String server : servers) {
            IPAddress ip = org.diminet.core.domain.IpText.parse(server).orElse(null);
            if (ip == null || ip.isMultiple()) {
                throw EmbeddedVimException.invalidInput("Error parsing dns address " + server);
            }
            requireVersion(ipVersion, ip, server, "dns_nameserver");
        }
        return servers;
    }

    /** Neutron's limits on host routes: at most 20, each a CIDR and a next hop of the subnet's IP version. */
    static List<HostRoute> hostRoutes(String subnet, int ipVersion, List<HostRoute> routes) {
        if (routes.size() > MAX_HOST_ROUTES) {
            throw EmbeddedVimException.badRequest("HostRoutesExhausted", "Unable to complete operation for "
                    + subnet + ". The number of host routes exceeds the limit " + MAX_HOST_ROUTES + ".");
        }
        for (HostRoute route : routes) {
            IPAddress destination = org.diminet.core.domain.IpText.parse(route.destination()).orElse(null);
            IPAddress nexthop = org.diminet.core.domain.IpText.parse(route.nexthop()).orElse(null);
            if (destination == null || nexthop == null || nexthop.isMultiple()) {
                throw EmbeddedVimException.invalidInput("Invalid route: {'destination': '" + route.destination()
                        + "', 'nexthop': '" + route.nexthop() + "'}");
            }
            requireVersion(ipVersion, nexthop, route.nexthop(), "nexthop");
            requireVersion(ipVersion, destination, route.destination(), "destination");
        }
        return routes;
    }

    /**
     * Neutron's rules for the IPv6 modes: none on IPv4, known values, the same value when both are set,
     * DHCP on, and a /64 when addresses are made by EUI-64.
     */
    static void ipv6Modes(Cidr cidr, String raMode, String addressMode, boolean enableDhcp) {
        for (String mode : java.util.Arrays.asList(raMode, addressMode)) {
            if (mode != null && !IPV6_MODES.contains(mode)) { // null: not set
                String field = mode.equals(raMode) ? "ipv6_ra_mode" : "ipv6_address_mode";
                throw EmbeddedVimException.badRequest("HTTPBadRequest", "Invalid input for " + field + ". Reason: "
                        + mode + " is not in valid_values.");
            }
        }
        if (cidr.ipVersion() == 4) {
            if (raMode != null) {
                throw EmbeddedVimException.invalidInput("ipv6_ra_mode is not valid when ip_version is 4");
            }
            if (addressMode != null) {
                throw EmbeddedVimException.invalidInput("ipv6_address_mode is not valid when ip_version is 4");
            }
            return;
        }
        if ((raMode != null || addressMode != null) && !enableDhcp) {
            throw EmbeddedVimException.invalidInput("ipv6_ra_mode or ipv6_address_mode cannot be set when enable_dhcp"
                    + " is set to False");
        }
        if (raMode != null && addressMode != null && !raMode.equals(addressMode)) {
            throw EmbeddedVimException.invalidInput("ipv6_ra_mode set to '" + raMode + "' with ipv6_address_mode set"
                    + " to '" + addressMode + "' is not valid. If both attributes are set, they must be the same value");
        }
        boolean auto = SubnetView.isAutoAddressMode(raMode) || SubnetView.isAutoAddressMode(addressMode);
        if (auto && cidr.block().getNetworkPrefixLength() != 64) {
            throw EmbeddedVimException.invalidInput("Invalid CIDR " + cidr + " for IPv6 address mode. OpenStack uses"
                    + " the EUI-64 address format, which requires the prefix to be /64");
        }
    }

    private static void requireVersion(int ipVersion, IPAddress ip, String text, String name) {
        if ((ip.isIPv4() ? 4 : 6) != ipVersion) {
            throw EmbeddedVimException.invalidInput(name + " '" + text + "' does not match the ip_version '"
                    + ipVersion + "'");
        }
    }

    /** A gateway a subnet update asks for: an address valid on the subnet, or null for none. */
    static String updatedGateway(Cidr cidr, GatewayChoice gateway) {
        if (gateway instanceof GatewayChoice.Address a) {
            IPAddress ip = org.diminet.core.domain.IpText.parse(a.ip()).orElse(null);
            if (ip != null && !ip.isMultiple()) {
                requireVersion(cidr.ipVersion(), ip, a.ip(), "gateway_ip");
            }
        }
        return gatewayIp(cidr, gateway);
    }

    /** Subnets of one network must not overlap; those of different networks may. */
    static void requireNoOverlap(Cidr cidr, String networkId, List<SubnetView> subnetsOfNetwork) {
        if (subnetsOfNetwork.stream().anyMatch(s -> s.cidr().overlaps(cidr))) {
            throw EmbeddedVimException.invalidInput("Requested subnet with cidr: " + cidr + " for network: "
                    + networkId + " overlaps with another subnet.");
        }
    }

    /** One address as the client wrote it. */
    static IPAddress address(String text) {
        IPAddress ip = org.diminet.core.domain.IpText.parse(text).orElse(null);
        if (ip == null || ip.isMultiple()) {
            throw EmbeddedVimException.invalidInput("'" + text + "' is not a valid IP address.");
        }
        return ip.withoutPrefixLength();
    }

    /** Inside the CIDR, and neither its first address nor (IPv4) its broadcast address, as Neutron checks. */
    static boolean isHostAddress(Cidr cidr, IPAddress ip) {
        IPAddressSeqRange all = cidr.block().toSequentialRange();
        if (ip.getIPVersion() != cidr.block().getIPVersion() || !all.contains(ip)) {
            return false;
        }
        if (!hasHosts(cidr)) {
            return true;
        }
        return ip.compareTo(all.getLower()) != 0 && !(ip.isIPv4() && ip.compareTo(all.getUpper()) == 0);
    }

    /** A /31 or /32 (/127, /128) has no network and broadcast address to leave out. */
    private static boolean hasHosts(Cidr cidr) {
        return cidr.size().compareTo(BigInteger.valueOf(3)) >= 0;
    }

    private static IPAddressSeqRange usable(Cidr cidr) {
        IPAddressSeqRange all = cidr.block().toSequentialRange();
        return all.getLower().increment(1).spanWithRange(all.getUpper().increment(-1));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
