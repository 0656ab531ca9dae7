package org.diminet.vim.embedded;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import org.diminet.core.domain.IpRange;

/**
 * Chooses a port's addresses as Neutron does. Without a request: the lowest free pool address of the
 * first IPv4 subnet (in creation order) that has one, the same for stateful IPv6 subnets, and the EUI-64
 * address (from the MAC) on every SLAAC or DHCPv6-stateless subnet. A requested address only needs to be
 * a free host address of its subnet, inside a pool or not; SLAAC subnets refuse requested addresses and
 * are always added. Used while {@link SiteStore}'s lock is held.
 */
final class AddressAllocator {
    /** Router ports take no EUI-64 addresses (Neutron's ROUTER_INTERFACE_OWNERS_SNAT). */
    private static final java.util.Set<String> ROUTER_OWNERS = java.util.Set.of("network:router_interface",
            "network:ha_router_replicated_interface", "network:router_interface_distributed",
            "network:router_centralized_snat");

    private final SiteState state;

    AddressAllocator(SiteState state) {
        this.state = state;
    }

    static boolean isRouterPort(String deviceOwner) {
        return ROUTER_OWNERS.contains(deviceOwner);
    }

    /** The single-request form kept for the core's callers. */
    List<FixedIp> addressesFor(NetworkView network, Optional<FixedIpRequest> request) {
        return addressesFor(network, request.map(List::of), "fa:16:3e:00:00:00", "");
    }

    /**
     * The addresses a new port on the network gets; none when the network has no subnet and none is asked
     * for. Marking them used is {@link SiteState#addPort}'s job.
     */
    List<FixedIp> addressesFor(NetworkView network, Optional<List<FixedIpRequest>> requests, String mac,
                               String deviceOwner) {
        List<SubnetView> subnets = state.subnetsOf(network);
        List<FixedIp> chosen = new ArrayList<>();
        if (requests.isPresent()) {
            if (!requests.get().isEmpty() && subnets.isEmpty()) {
                throw EmbeddedVimException.invalidInput("IP allocation requires subnets for network");
            }
            for (FixedIpRequest request : requests.get()) {
                requested(network, request, deviceOwner, chosen).ifPresent(chosen::add);
            }
        } else {
            for (List<SubnetView> group : List.of(
                    subnets.stream().filter(s -> s.ipVersion() == 4).toList(),
                    subnets.stream().filter(s -> s.ipVersion() == 6 && !s.isAutoAddress()).toList())) {
                if (!group.isEmpty()) {
                    chosen.add(firstFree(network, group, chosen));
                }
            }
        }
        if (!isRouterPort(deviceOwner)) {
            subnets.stream().filter(SubnetView::isAutoAddress).forEach(s -> chosen.add(eui64(s, mac)));
        }
        return chosen;
    }

    /**
     * A port's addresses after an update of its {@code fixed_ips}, as Neutron's
     * {@code _get_changed_ips_for_port}: requested addresses it holds are kept, a subnet-only entry keeps
     * the port's address on that subnet, others are allocated; unclaimed addresses are released, except the
     * EUI-64 ones, which the port keeps.
     */
    List<FixedIp> addressesAfterUpdate(NetworkView network, PortView port, List<FixedIpRequest> requests,
                                       String mac, String deviceOwner) {
        List<FixedIp> original = new ArrayList<>(port.fixedIps());
        List<FixedIp> kept = new ArrayList<>();
        List<FixedIpRequest> toAdd = new ArrayList<>();
        for (FixedIpRequest request : requests) {
            if (request.ipAddress() != null) {
                String canonical = SubnetValidation.address(request.ipAddress()).toCanonicalString();
                Optional<FixedIp> held = original.stream().filter(ip -> ip.ipAddress().equals(canonical)).findFirst();
                held.ifPresentOrElse(ip -> {
                    kept.add(ip);
                    original.remove(ip);
                }, () -> toAdd.add(request));
            }
        }
        for (FixedIpRequest request : requests) {
            if (request.ipAddress() == null) {
                Optional<FixedIp> held = original.stream().filter(ip -> ip.subnetId().equals(request.subnetId())).findFirst();
                held.ifPresentOrElse(ip -> {
                    kept.add(ip);
                    original.remove(ip);
                }, () -> toAdd.add(request));
            }
        }
        for (FixedIp left : original) {
            if (state.findSubnet(left.subnetId()).map(SubnetView::isAutoAddress).orElse(false)
                    && !isRouterPort(deviceOwner)) {
                kept.add(left);
            }
        }
        // The released addresses are free for the new requests: the port is re-added with its new set.
        List<FixedIp> result = new ArrayList<>(kept);
        for (FixedIpRequest request : toAdd) {
            requested(network, request, deviceOwner, result).ifPresent(result::add);
        }
        return result;
    }

    /** The EUI-64 address a port with this MAC makes itself on a SLAAC subnet's /64. */
    static FixedIp eui64(SubnetView subnet, String mac) {
        String[] octets = mac.split(":");
        byte[] bytes = subnet.cidr().block().getLower().getBytes();
        bytes[8] = (byte) (Integer.parseInt(octets[0], 16) ^ 0x02);
        bytes[9] = (byte) Integer.parseInt(octets[1], 16);
        bytes[10] = (byte) Integer.parseInt(octets[2], 16);
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) 0xfe;
        bytes[13] = (byte) Integer.parseInt(octets[3], 16);
        bytes[14] = (byte) Integer.parseInt(octets[4], 16);
        bytes[15] = (byte) Integer.parseInt(octets[5], 16);
        return new FixedIp(subnet.id(), new inet.ipaddr.ipv6.IPv6Address(bytes).toCanonicalString());
    }

    private FixedIp firstFree(NetworkView network, List<SubnetView> subnets, List<FixedIp> taken) {
        for (SubnetView subnet : subnets) {
            Optional<IPAddress> free = lowestFree(subnet, taken);
            if (free.isPresent()) {
                return new FixedIp(subnet.id(), free.get().toCanonicalString());
            }
        }
        throw noMoreAddresses(network.id());
    }

    /** One requested entry; empty for a subnet-only entry on a SLAAC subnet, which is added anyway. */
    private Optional<FixedIp> requested(NetworkView network, FixedIpRequest request, String deviceOwner,
                                        List<FixedIp> taken) {
        SubnetView subnet = null;
        if (request.subnetId() != null) {
            subnet = state.findSubnet(request.subnetId())
                    .filter(s -> s.networkId().equals(network.id()))
                    .orElseThrow(() -> state.findSubnet(request.subnetId()).isEmpty()
                            ? EmbeddedVimException.notFound("SubnetNotFound", "Subnet " + request.subnetId()
                                    + " could not be found.")
                            : EmbeddedVimException.invalidInput("Failed to create port on network " + network.id()
                                    + ", because fixed_ips included invalid subnet " + request.subnetId()));
        }
        if (request.ipAddress() == null) {
            if (subnet.isAutoAddress() && !isRouterPort(deviceOwner)) {
                return Optional.empty();
            }
            SubnetView from = subnet;
            IPAddress free = lowestFree(from, taken).orElseThrow(() -> noMoreAddresses(network.id()));
            return Optional.of(new FixedIp(from.id(), free.toCanonicalString()));
        }
        IPAddress ip = SubnetValidation.address(request.ipAddress());
        if (subnet != null) {
            if (!SubnetValidation.isHostAddress(subnet.cidr(), ip)) {
                throw EmbeddedVimException.badRequest("InvalidIpForSubnet",
                        "IP address " + request.ipAddress() + " is not a valid IP for the specified subnet.");
            }
        } else {
            subnet = state.subnetsOf(network).stream()
                    .filter(s -> SubnetValidation.isHostAddress(s.cidr(), ip))
                    .findFirst()
                    .orElseThrow(() -> EmbeddedVimException.badRequest("InvalidIpForNetwork", "IP address "
                            + request.ipAddress() + " is not a valid IP for any of the subnets on the specified network."));
        }
        if (subnet.isAutoAddress() && !isRouterPort(deviceOwner)) {
            throw EmbeddedVimException.badRequest("AllocationOnAutoAddressSubnet", "IPv6 address "
                    + request.ipAddress() + " cannot be directly assigned to a port on subnet " + subnet.id()
                    + " as the subnet is configured for automatic addresses");
        }
        String canonical = ip.toCanonicalString();
        if (state.usedAddresses(subnet.id()).contains(ip) || taken.stream().anyMatch(t -> t.ipAddress().equals(canonical))) {
            throw EmbeddedVimException.conflict("IpAddressAlreadyAllocated",
                    "IP address " + canonical + " already allocated in subnet " + subnet.id());
        }
        return Optional.of(new FixedIp(subnet.id(), canonical));
    }

    /**
     * Walks the pools from their start, skipping the used addresses in order: the cost is the number of
     * used addresses, never the size of a pool (an IPv6 pool may hold 2^60 addresses).
     */
    private Optional<IPAddress> lowestFree(SubnetView subnet, List<FixedIp> alsoTaken) {
        NavigableSet<IPAddress> used = state.usedAddresses(subnet.id());
        List<FixedIp> takenHere = alsoTaken.stream().filter(ip -> ip.subnetId().equals(subnet.id())).toList();
        if (!takenHere.isEmpty()) { // rare: several addresses of one subnet in one request
            used = new java.util.TreeSet<>(used);
            for (FixedIp ip : takenHere) {
                used.add(SubnetValidation.address(ip.ipAddress()));
            }
        }
        for (IpRange pool : subnet.allocationPools()) {
            IPAddressSeqRange range = pool.toSeqRange();
            IPAddress upper = range.getUpper().withoutPrefixLength();
            IPAddress candidate = range.getLower().withoutPrefixLength();
            for (IPAddress taken : used.tailSet(candidate, true)) {
                if (taken.compareTo(candidate) != 0) {
                    break;
                }
                if (candidate.compareTo(upper) >= 0) {
                    candidate = null;
                    break;
                }
                candidate = candidate.increment(1);
            }
            if (candidate != null) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static EmbeddedVimException noMoreAddresses(String networkId) {
        return EmbeddedVimException.conflict("IpAddressGenerationFailure",
                "No more IP addresses available on network " + networkId + ".");
    }
}
