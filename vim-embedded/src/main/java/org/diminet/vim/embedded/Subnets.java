package org.diminet.vim.embedded;

import static org.diminet.vim.embedded.ResourceFields.newId;
import static org.diminet.vim.embedded.ResourceFields.now;
import static org.diminet.vim.embedded.ResourceFields.orEmpty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;

/** Neutron's {@code /v2.0/subnets}. Errors are {@link EmbeddedVimException}s. */
public final class Subnets {

    private final SiteStore store;

    Subnets(SiteStore store) {
        this.store = store;
    }

    /** The subnets, in creation order, of one network when {@code networkId} is given. */
    public List<SubnetView> list(Optional<String> networkId) {
        return store.read(state -> state.subnets().stream()
                .filter(s -> networkId.map(s.networkId()::equals).orElse(true))
                .toList());
    }

    /** @throws EmbeddedVimException 404 {@code SubnetNotFound} */
    public SubnetView get(String id) {
        return store.read(state -> state.requireSubnet(id));
    }

    /** Creates a subnet with DHCP on and no DNS servers, routes or IPv6 modes: see {@link #create(NewSubnet)}. */
    public SubnetView create(String networkId, Optional<String> project, String name, String cidr,
                             GatewayChoice gateway, List<IpRange> allocationPools) {
        return create(NewSubnet.of(networkId, project, name, cidr, gateway, allocationPools));
    }

    /**
     * Creates a subnet ({@code enable_dhcp} is kept, though no DHCP is served). On a SLAAC or DHCPv6-stateless
     * subnet every port already on the network gets its EUI-64 address, as Neutron does.
     *
     * @throws EmbeddedVimException 404 {@code NetworkNotFound}; 400 {@code InvalidInput} (blank project, bad CIDR,
     *                              gateway, DNS server, route or IPv6 mode, overlap with another subnet of the
     *                              network), {@code OutOfBoundsAllocationPool}, {@code OverlappingAllocationPools},
     *                              {@code InvalidAllocationPool}, {@code DNSNameServersExhausted},
     *                              {@code HostRoutesExhausted}; 409 {@code GatewayConflictWithAllocationPools}
     */
    public SubnetView create(NewSubnet request) {
        return store.write(state -> {
            NetworkView network = state.requireNetwork(request.networkId());
            String owner = ResourceFields.ownerOf(request.project(), network);
            Cidr block = SubnetValidation.cidr(request.cidr());
            String gatewayIp = SubnetValidation.gatewayIp(block, request.gateway());
            SubnetValidation.dnsNameservers("new subnet", block.ipVersion(), request.dnsNameservers());
            SubnetValidation.hostRoutes("new subnet", block.ipVersion(), request.hostRoutes());
            SubnetValidation.ipv6Modes(block, request.ipv6RaMode(), request.ipv6AddressMode(), request.enableDhcp());
            List<IpRange> pools = SubnetValidation.allocationPools(block, gatewayIp, request.allocationPools());
            SubnetValidation.requireNoOverlap(block, request.networkId(), state.subnetsOf(network));
            Instant now = now();
            SubnetView subnet = state.addSubnet(new SubnetView(newId(), orEmpty(request.name()), owner,
                    request.networkId(), block.ipVersion(), block, gatewayIp, pools, request.enableDhcp(), now, now,
                    request.dnsNameservers(), request.hostRoutes(), request.ipv6RaMode(), request.ipv6AddressMode(),
                    orEmpty(request.description()), 1));
            if (subnet.isAutoAddress()) {
                for (PortView port : state.portsOn(network.id())) {
                    if (!AddressAllocator.isRouterPort(port.deviceOwner())) {
                        List<FixedIp> addresses = new java.util.ArrayList<>(port.fixedIps());
                        addresses.add(AddressAllocator.eui64(subnet, port.macAddress()));
                        state.replacePort(port.withFixedIps(addresses));
                    }
                }
            }
            return subnet;
        });
    }

    /**
     * Renames a subnet and/or replaces its pools (a present empty list leaves it without pools).
     * Ports keep their addresses even when these fall outside the new pools.
     */
    public SubnetView update(String id, Optional<String> name, Optional<List<IpRange>> allocationPools) {
        return update(id, SubnetChange.none().withName(name).withAllocationPools(allocationPools));
    }

    /**
     * Changes what the request names. Ports keep their addresses even when these fall outside new pools or
     * are the new gateway.
     *
     * @throws EmbeddedVimException 404 {@code SubnetNotFound}; 400 as for a create; 409
     *                              {@code GatewayConflictWithAllocationPools}
     */
    public SubnetView update(String id, SubnetChange change) {
        return store.write(state -> {
            SubnetView s = state.requireSubnet(id);
            // Not Optional.map: a gateway removed is null.
            String gatewayIp = change.gateway().isPresent() ? SubnetValidation.updatedGateway(s.cidr(), change.gateway().get())
                    : s.gatewayIp();
            List<IpRange> pools = change.allocationPools()
                    .map(p -> SubnetValidation.validPools(s.cidr(), gatewayIp, p))
                    .orElse(s.allocationPools());
            if (change.gateway().isPresent() && change.allocationPools().isEmpty()) {
                SubnetValidation.validPools(s.cidr(), gatewayIp, pools); // the new gateway must stay out of the pools
            }
            List<String> dns = change.dnsNameservers().map(d -> SubnetValidation.dnsNameservers(id, s.ipVersion(), d))
                    .orElse(s.dnsNameservers());
            List<HostRoute> routes = change.hostRoutes().map(r -> SubnetValidation.hostRoutes(id, s.ipVersion(), r))
                    .orElse(s.hostRoutes());
            boolean enableDhcp = change.enableDhcp().orElse(s.enableDhcp());
            if (!enableDhcp && (s.ipv6RaMode() != null || s.ipv6AddressMode() != null)) {
                throw EmbeddedVimException.invalidInput("Cannot disable enable_dhcp with ipv6 attributes set");
            }
            return state.replaceSubnet(new SubnetView(s.id(), change.name().orElse(s.name()), s.project(),
                    s.networkId(), s.ipVersion(), s.cidr(), gatewayIp, pools, enableDhcp, s.createdAt(), now(), dns,
                    routes, s.ipv6RaMode(), s.ipv6AddressMode(), change.description().orElse(s.description()),
                    s.revision() + 1));
        });
    }

    /**
     * Deletes a subnet; VIM-owned ports lose their address on it, and on a SLAAC or DHCPv6-stateless subnet
     * every port does (Neutron deletes such addresses with the subnet).
     *
     * @throws EmbeddedVimException 404 {@code SubnetNotFound}; 409 {@code SubnetInUse} while a user's
     *                              port has an address on it
     */
    public void delete(String id) {
        store.change(state -> {
            state.requireSubnet(id);
            if (state.hasUserAddressOn(id)) {
                throw EmbeddedVimException.conflict("SubnetInUse", "Unable to complete operation on subnet " + id
                        + ": One or more ports have an IP allocation from this subnet.");
            }
            state.removeSubnet(id);
        });
    }
}
