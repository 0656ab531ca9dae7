package org.diminet.vim.embedded;

import java.util.Set;

/**
 * Neutron's {@code external-net} extension: which networks are {@code router:external}, i.e. may carry a
 * router's gateway. Kept apart from the networks themselves, as Neutron keeps them in a table of their own.
 * Who may set the flag (Neutron: admins only) and who then sees the network (Neutron: every project) is the
 * policy of whoever serves this API.
 */
public final class ExternalNetworks {

    private final SiteStore store;

    ExternalNetworks(SiteStore store) {
        this.store = store;
    }

    /** Whether the network is external; false for a network that does not exist. */
    public boolean isExternal(String networkId) {
        return store.read(state -> state.l3().isExternal(networkId));
    }

    /** The ids of every external network, read at once (for a whole list of networks). */
    public Set<String> ids() {
        return store.read(state -> Set.copyOf(state.l3().externalNetworks()));
    }

    /**
     * Makes a network external or not; setting the value it has changes nothing.
     *
     * @throws EmbeddedVimException 404 {@code NetworkNotFound}; 409 {@code ExternalNetworkInUse} when making it
     *                              non-external while a router has its gateway on it, as Neutron
     */
    public void set(String networkId, boolean external) {
        store.change(state -> {
            state.requireNetwork(networkId);
            if (!external && state.l3().isExternal(networkId)
                    && state.ports().stream().anyMatch(p -> p.networkId().equals(networkId)
                            && p.deviceOwner().equals(RouterPorts.GATEWAY))) {
                throw EmbeddedVimException.conflict("ExternalNetworkInUse", "External network " + networkId
                        + " cannot be updated to be made non-external, since it has existing gateway ports.");
            }
            state.l3().setExternal(networkId, external);
        });
    }
}
