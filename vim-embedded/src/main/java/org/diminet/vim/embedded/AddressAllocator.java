package org.diminet.vim.embedded;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import org.diminet.core.domain.IpRange;

/**
 * Chooses a new port's addresses as Neutron does: the lowest free pool address of the network's first
 * subnet (in creation order) that has one, or the address the client asked for, which only needs to be a
 * free host address of the subnet, inside a pool or not. Used while {@link SiteStore}'s lock is held.
 */
final class AddressAllocator {

    private final SiteState state;

    AddressAllocator(SiteState state) {
        this.state = state;
    }

    /**
     * The addresses a new port on the network gets; none when the network has no subnet and none is asked for.
     * Marking them used is {@link SiteState#addPort}'s job.
     */
    List<FixedIp> addressesFor(NetworkView network, Optional<FixedIpRequest> request) {
        return request.isPresent()
                ? List.of(requestedIp(network, request.get()))
                : automaticIp(network).map(List::of).orElse(List.of());
    }

    private Optional<FixedIp> automaticIp(NetworkView network) {
        if (network.subnetIds().isEmpty()) {
            return Optional.empty();
        }
        for (SubnetView subnet : state.subnetsOf(network)) {
            Optional<IPAddress> free = lowestFree(subnet);
            if (free.isPresent()) {
                return Optional.of(new FixedIp(subnet.id(), free.get().toCanonicalString()));
            }
        }
        throw noMoreAddresses(network.id());
    }

    private FixedIp requestedIp(NetworkView network, FixedIpRequest request) {
        SubnetView subnet = null;
        if (request.subnetId() != null) {
            subnet = state.findSubnet(request.subnetId())
                    .filter(s -> s.networkId().equals(network.id()))
                    .orElseThrow(() -> EmbeddedVimException.invalidInput("Failed to create port on network "
                            + network.id() + ", because fixed_ips included invalid subnet " + request.subnetId() + "."));
        }
        if (request.ipAddress() == null) {
            IPAddress free = lowestFree(subnet).orElseThrow(() -> noMoreAddresses(network.id()));
            return new FixedIp(subnet.id(), free.toCanonicalString());
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
        if (state.usedAddresses(subnet.id()).contains(ip)) {
            throw EmbeddedVimException.conflict("IpAddressAlreadyAllocated",
                    "IP address " + ip.toCanonicalString() + " already allocated in subnet " + subnet.id());
        }
        return new FixedIp(subnet.id(), ip.toCanonicalString());
    }

    /**
     * Walks the pools from their start, skipping the used addresses in order: the cost is the number of
     * used addresses, never the size of a pool (an IPv6 pool may hold 2^60 addresses).
     */
    private Optional<IPAddress> lowestFree(SubnetView subnet) {
        NavigableSet<IPAddress> used = state.usedAddresses(subnet.id());
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
