package org.diminet.vim.embedded;

import static org.diminet.vim.embedded.ResourceFields.newId;
import static org.diminet.vim.embedded.ResourceFields.now;
import static org.diminet.vim.embedded.ResourceFields.orEmpty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Neutron's {@code /v2.0/networks}. Errors are {@link EmbeddedVimException}s. */
public final class Networks {

    private final SiteStore store;

    Networks(SiteStore store) {
        this.store = store;
    }

    /** Every network, in creation order. */
    public List<NetworkView> list() {
        return store.read(state -> List.copyOf(state.networks()));
    }

    /** @throws EmbeddedVimException 404 {@code NetworkNotFound} */
    public NetworkView get(String id) {
        return store.read(state -> state.requireNetwork(id));
    }

    public NetworkView create(String name) {
        return store.write(state -> {
            Instant now = now();
            return state.addNetwork(new NetworkView(newId(), orEmpty(name), List.of(), true, "ACTIVE", now, now));
        });
    }

    /** Renames a network; an empty name changes nothing. */
    public NetworkView update(String id, Optional<String> name) {
        return store.write(state -> {
            NetworkView n = state.requireNetwork(id);
            return state.replaceNetwork(new NetworkView(n.id(), name.orElse(n.name()), n.subnetIds(), n.adminStateUp(),
                    n.status(), n.createdAt(), now()));
        });
    }

    /**
     * Deletes a network with its subnets and VIM-owned ports.
     *
     * @throws EmbeddedVimException 404 {@code NetworkNotFound}; 409 {@code NetworkInUse} while a
     *                              user's port is on it
     */
    public void delete(String id) {
        store.change(state -> {
            state.requireNetwork(id);
            if (state.hasUserPortOn(id)) {
                throw EmbeddedVimException.conflict("NetworkInUse", "Unable to complete operation on network " + id
                        + ". There are one or more ports still in use on the network.");
            }
            state.removeNetwork(id);
        });
    }
}
