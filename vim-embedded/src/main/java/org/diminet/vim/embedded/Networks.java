package org.diminet.vim.embedded;

import static org.diminet.vim.embedded.ResourceFields.newId;
import static org.diminet.vim.embedded.ResourceFields.now;
import static org.diminet.vim.embedded.ResourceFields.orEmpty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Neutron's {@code /v2.0/networks}. Errors are {@link EmbeddedVimException}s. Who may see or change
 * which network is not decided here: that is the policy of whoever serves this API.
 */
public final class Networks {

    private final SiteStore store;

    Networks(SiteStore store) {
        this.store = store;
    }

    /** Every network of every project, in creation order. */
    public List<NetworkView> list() {
        return store.read(state -> List.copyOf(state.networks()));
    }

    /** @throws EmbeddedVimException 404 {@code NetworkNotFound} */
    public NetworkView get(String id) {
        return store.read(state -> state.requireNetwork(id));
    }

    /** The network, or empty when there is none with that id. */
    public Optional<NetworkView> find(String id) {
        return store.read(state -> state.findNetwork(id));
    }

    /**
     * @param project the project that will own the network
     * @param shared  whether every project may use it
     * @throws EmbeddedVimException 400 {@code InvalidInput} when the project is blank
     */
    public NetworkView create(String name, String project, boolean shared) {
        return create(NewNetwork.of(name, project, shared));
    }

    /** @throws EmbeddedVimException 400 {@code InvalidInput} when the project is blank */
    public NetworkView create(NewNetwork request) {
        String owner = ResourceFields.project(request.project());
        return store.write(state -> {
            Instant now = now();
            return state.addNetwork(new NetworkView(newId(), orEmpty(request.name()), owner, request.shared(), List.of(),
                    request.adminStateUp(), "ACTIVE", now, now, orEmpty(request.description()), 1));
        });
    }

    /** Renames a network and/or shares or unshares it; an empty value changes nothing. */
    public NetworkView update(String id, Optional<String> name, Optional<Boolean> shared) {
        return update(id, new NetworkChange(name, shared, Optional.empty(), Optional.empty()));
    }

    /**
     * Changes what the request names.
     *
     * @throws EmbeddedVimException 404 {@code NetworkNotFound}; 409 {@code InvalidSharedSetting} when
     *                              unsharing while another project has a subnet or port on it, as Neutron
     */
    public NetworkView update(String id, NetworkChange change) {
        return store.write(state -> {
            NetworkView n = state.requireNetwork(id);
            boolean nowShared = change.shared().orElse(n.shared());
            if (n.shared() && !nowShared && state.isUsedByAnotherProject(n)) {
                throw EmbeddedVimException.conflict("InvalidSharedSetting", "Unable to reconfigure sharing settings"
                        + " for network " + id + ". Multiple tenants are using it.");
            }
            return state.replaceNetwork(n.changed(change.name().orElse(n.name()), nowShared, n.subnetIds(),
                    change.adminStateUp().orElse(n.adminStateUp()), change.description().orElse(n.description())));
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
