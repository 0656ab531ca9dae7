package org.diminet.server.web.neutron;

import java.util.Objects;
import java.util.Optional;
import org.diminet.core.domain.Caller;
import org.diminet.vim.embedded.EmbeddedVimException;
import org.diminet.vim.embedded.GatewayRequest;
import org.diminet.vim.embedded.NetworkView;
import org.diminet.vim.embedded.RouterView;
import org.diminet.vim.embedded.SubnetView;

/**
 * Neutron's default policy for routers and external networks, for one caller. A router is its project's: only
 * that project (and admins) sees it, changes it or its interfaces; to anyone else it does not exist (404).
 * Only admins choose a gateway's addresses or its {@code enable_snat}, and only admins make a network
 * {@code router:external}; an external network is then seen by every project (not its subnets, unless it is
 * shared). What the caller sees but may not do is 403 {@code PolicyNotAuthorized}, as in {@link NeutronPolicy}.
 */
final class NeutronRouterPolicy {
    private final Caller caller;
    private final NeutronPolicy core;

    NeutronRouterPolicy(Caller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.core = new NeutronPolicy(caller);
    }

    NeutronPolicy core() {
        return core;
    }

    boolean sees(RouterView router) {
        return caller.admin() || caller.project().equals(router.project());
    }

    /** @throws EmbeddedVimException 404 {@code RouterNotFound}, exactly as for a missing router */
    RouterView visible(RouterView router) {
        if (!sees(router)) {
            throw new EmbeddedVimException(404, "RouterNotFound", "Router " + router.id() + " could not be found");
        }
        return router;
    }

    /** @param action {@code create_router} or {@code update_router} */
    void mayUseGateway(Optional<GatewayRequest> gateway, String action) {
        if (gateway.isEmpty() || caller.admin()) {
            return;
        }
        if (gateway.get().enableSnat().isPresent()) {
            throw disallowed(action + ":external_gateway_info:enable_snat", "only an admin may set enable_snat");
        }
        if (!gateway.get().externalFixedIps().isEmpty()) {
            throw disallowed(action + ":external_gateway_info:external_fixed_ips",
                    "only an admin may choose a gateway's addresses");
        }
    }

    /**
     * An interface goes only on a subnet the caller sees, and (not being admin) owns: Neutron refuses another
     * project's subnet even on a shared network.
     */
    void mayAddInterfaceOn(SubnetView subnet, Optional<NetworkView> network) {
        core.visible(subnet, network);
        if (!caller.admin() && !caller.project().equals(subnet.project())) {
            throw NeutronRouterRequests.routerBadRequest("Cannot add interface to router because subnet " + subnet.id()
                    + " is not owned by project making the request");
        }
    }

    /** @param action {@code create_network:router:external} or {@code update_network:router:external} */
    void maySetExternal(String action) {
        if (!caller.admin()) {
            throw disallowed(action, "only an admin may make a network external or internal");
        }
    }

    private static EmbeddedVimException disallowed(String rule, String why) {
        return new EmbeddedVimException(403, "PolicyNotAuthorized", "rule:" + rule + " is disallowed by policy (" + why + ")");
    }
}
