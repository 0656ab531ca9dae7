package org.diminet.server.web.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.diminet.core.domain.Caller;
import org.diminet.vim.embedded.EmbeddedVim;
import org.diminet.vim.embedded.NetworkView;

/**
 * The networks' {@code router:external} attribute (Neutron's {@code external-net} extension) on the network
 * API: read from a network body, set by admins only, shown on every network, and making a network visible to
 * every project (its subnets stay as visible as before). Kept out of the network code so that the network API
 * reads it in one call per operation.
 */
final class NeutronExternalNetworks {
    static final String ATTRIBUTE = "router:external";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedVim vim;

    NeutronExternalNetworks(EmbeddedVim vim) {
        this.vim = vim;
    }

    /** The external networks' ids, read once for a whole list. */
    Set<String> ids() {
        return vim.externalNetworks().ids();
    }

    /** Whether the caller sees the network: as {@link NeutronPolicy} says, or because it is external. */
    static boolean sees(NeutronPolicy policy, NetworkView network, Set<String> external) {
        return policy.sees(network) || external.contains(network.id());
    }

    /** The network if the caller sees it; else Neutron's 404, as for a missing one. */
    NetworkView visible(NeutronPolicy policy, NetworkView network) {
        return vim.externalNetworks().isExternal(network.id()) ? network : policy.visible(network);
    }

    NeutronViews.Network view(NetworkView network) {
        return NeutronViews.Network.of(network, vim.externalNetworks().isExternal(network.id()));
    }

    /**
     * The {@code router:external} a network (one item of a create, or an update's {@code network}) asks for,
     * refused unless the caller is admin. As Neutron's policy engine, a create checks it only when it differs
     * from the default (false), an update whenever it is given. Its syntax and type have been checked by
     * {@link NeutronRequests} already.
     *
     * @param action {@code create_network} or {@code update_network}
     */
    static Optional<Boolean> requested(JsonNode network, Caller caller, String action) {
        JsonNode value = network.get(ATTRIBUTE);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.asBoolean() || !action.startsWith("create")) {
            new NeutronRouterPolicy(caller).maySetExternal(action + ":" + ATTRIBUTE);
        }
        return Optional.of(value.asBoolean());
    }

    /** {@link #requested(JsonNode, Caller, String)} for a body {@code {"network": {…}}}. */
    static Optional<Boolean> requested(byte[] body, Caller caller, String action) {
        try {
            return requested(JSON.readTree(body).path("network"), caller, action);
        } catch (IOException e) {
            return Optional.empty(); // the body was read by NeutronRequests already: it cannot fail here
        }
    }

    /** Applies what {@link #requested} read, after the network itself was created or changed. */
    void apply(NetworkView network, Optional<Boolean> external) {
        external.ifPresent(flag -> vim.externalNetworks().set(network.id(), flag));
    }
}
