package org.diminet.core.vim;

import java.util.List;
import java.util.Optional;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.NetworkId;

/**
 * The local site's VIM, with Neutron's semantics for networks, subnets and ports.
 *
 * <p>Implementations translate their own failures: a missing object is {@link Optional#empty()} or an
 * empty list where the method says so; anything else that goes wrong is a
 * {@link org.diminet.core.domain.error.VimException} naming the region.
 */
public interface Vim {

    /** The network, or empty when this VIM has none with that id. */
    Optional<VimNetwork> findNetwork(NetworkId id);

    /** The networks with exactly this name (DIMINET names the networks it creates after the service). */
    List<VimNetwork> networksNamed(String name);

    /** The subnets of a network, empty when it has none or does not exist. */
    List<VimSubnet> subnetsOf(NetworkId id);

    /** Every subnet in this VIM. */
    List<VimSubnet> allSubnets();

    /**
     * The subnets whose CIDR overlaps {@code cidr} ("is this CIDR free here?"). Neutron has no such
     * filter, so by default every subnet is read; a VIM that can answer from an index overrides it.
     */
    default List<VimSubnet> subnetsOverlapping(Cidr cidr) {
        return allSubnets().stream().filter(s -> s.cidr().overlaps(cidr)).toList();
    }

    /**
     * Creates a network with one subnet in one go, owned by {@code project} (the project of the service
     * it serves, not DIMINET's own). If the subnet cannot be created the network is removed again, so a
     * failure leaves nothing behind.
     */
    VimNetwork createNetworkWithSubnet(String name, String project, SubnetSpec subnet);

    /** Replaces a subnet's allocation pools; addresses already given to ports stay given. */
    VimSubnet updateAllocationPools(String subnetId, List<IpRange> pools);

    /** Deletes a network and its subnets. Deleting a network that does not exist is not an error. */
    void deleteNetwork(NetworkId id);

    /** The ports on a network, empty when there are none or the network does not exist. */
    List<VimPort> portsOf(NetworkId id);
}
