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

    /**
     * Creates a subnet ({@code enable_dhcp} is always true, though no DHCP is served).
     *
     * @param project         the project that will own it; empty for the network's (Neutron lets only an
     *                        admin choose another, which is for the API's policy to check)
     * @param cidr            the CIDR as the client wrote it; host bits must be zero
     * @param allocationPools empty for every usable address: the CIDR minus its first and last
     *                        address and minus the gateway
     * @throws EmbeddedVimException 404 {@code NetworkNotFound}; 400 {@code InvalidInput} (blank project, bad CIDR or
     *                              gateway, overlap with another subnet of the network),
     *                              {@code OutOfBoundsAllocationPool}, {@code OverlappingAllocationPools},
     *                              {@code InvalidAllocationPool}; 409 {@code GatewayConflictWithAllocationPools}
     */
    public SubnetView create(String networkId, Optional<String> project, String name, String cidr,
                             GatewayChoice gateway, List<IpRange> allocationPools) {
        return store.write(state -> {
            NetworkView network = state.requireNetwork(networkId);
            String owner = ResourceFields.ownerOf(project, network);
            Cidr block = SubnetValidation.cidr(cidr);
            String gatewayIp = SubnetValidation.gatewayIp(block, gateway);
            List<IpRange> pools = SubnetValidation.allocationPools(block, gatewayIp, allocationPools);
            SubnetValidation.requireNoOverlap(block, networkId, state.subnetsOf(network));
            Instant now = now();
            return state.addSubnet(new SubnetView(newId(), orEmpty(name), owner, networkId, block.ipVersion(), block,
                    gatewayIp, pools, true, now, now));
        });
    }

    /**
     * Renames a subnet and/or replaces its pools (a present empty list leaves it without pools).
     * Ports keep their addresses even when these fall outside the new pools.
     */
    public SubnetView update(String id, Optional<String> name, Optional<List<IpRange>> allocationPools) {
        return store.write(state -> {
            SubnetView s = state.requireSubnet(id);
            List<IpRange> pools = allocationPools.map(p -> SubnetValidation.validPools(s.cidr(), s.gatewayIp(), p))
                    .orElse(s.allocationPools());
            return state.replaceSubnet(new SubnetView(s.id(), name.orElse(s.name()), s.project(), s.networkId(),
                    s.ipVersion(), s.cidr(), s.gatewayIp(), pools, s.enableDhcp(), s.createdAt(), now()));
        });
    }

    /**
     * Deletes a subnet; VIM-owned ports lose their address on it.
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
