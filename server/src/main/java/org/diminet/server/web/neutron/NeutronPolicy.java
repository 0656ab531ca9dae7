package org.diminet.server.web.neutron;

import java.util.Objects;
import java.util.Optional;
import org.diminet.core.domain.Caller;
import org.diminet.vim.embedded.EmbeddedVimException;
import org.diminet.vim.embedded.NetworkView;
import org.diminet.vim.embedded.PortView;
import org.diminet.vim.embedded.SubnetView;

/**
 * Neutron's default policy for one caller. An admin sees and may do everything. Anyone else:
 * <ul>
 *   <li>sees the networks of its project and shared ones; the subnets of its project and of networks it
 *       sees; the ports of its project and the ports on its project's networks;</li>
 *   <li>creates in its own project only, never a shared network, and a subnet only on its project's
 *       networks; a port also on a shared network, but without choosing its address or a
 *       {@code network:} device owner there;</li>
 *   <li>changes and deletes its project's networks, the subnets on them, and its own ports and those on
 *       its networks; never a network's {@code shared}.</li>
 * </ul>
 * What the caller may not see is reported exactly as if it did not exist (404), so nothing tells another
 * project's resources apart from missing ones; what it sees but may not do is 403 {@code PolicyNotAuthorized}.
 *
 * <p>A network given as empty (it went away between two reads) counts as one the caller does not see.
 */
final class NeutronPolicy {
    private static final String VIM_DEVICE_PREFIX = "network:";

    private final Caller caller;

    NeutronPolicy(Caller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    // --- what the caller sees ----------------------------------------------------------------------

    boolean sees(NetworkView network) {
        return caller.admin() || owns(network.project()) || network.shared();
    }

    boolean sees(SubnetView subnet, Optional<NetworkView> network) {
        return caller.admin() || owns(subnet.project()) || network.map(this::sees).orElse(false);
    }

    boolean sees(PortView port, Optional<NetworkView> network) {
        return caller.admin() || owns(port.project()) || ownsNetwork(network);
    }

    NetworkView visible(NetworkView network) {
        if (!sees(network)) {
            throw notFound("Network", network.id());
        }
        return network;
    }

    SubnetView visible(SubnetView subnet, Optional<NetworkView> network) {
        if (!sees(subnet, network)) {
            throw notFound("Subnet", subnet.id());
        }
        return subnet;
    }

    PortView visible(PortView port, Optional<NetworkView> network) {
        if (!sees(port, network)) {
            throw notFound("Port", port.id());
        }
        return port;
    }

    // --- creating ----------------------------------------------------------------------------------

    /**
     * The project a new resource belongs to: the token's, or for an admin the one the body names.
     * Neutron itself answers 400 here; this site answers 403, as DIMINET's own APIs do.
     */
    String ownerOfNew(Optional<String> requested) {
        if (requested.isEmpty() || requested.get().equals(caller.project())) {
            return caller.project();
        }
        if (!caller.admin()) {
            throw forbidden("Specifying 'project_id' or 'tenant_id' other than the authenticated project ("
                    + caller.project() + ") in request requires admin privileges");
        }
        return requested.get();
    }

    void mayCreateNetwork(boolean shared) {
        if (shared && !caller.admin()) {
            throw disallowed("create_network:shared", "only an admin may create a shared network");
        }
    }

    /** A subnet goes only on the caller's own networks, even a shared one of another project is not enough. */
    void mayCreateSubnetOn(NetworkView network) {
        visible(network);
        if (!caller.admin() && !owns(network.project())) {
            throw disallowed("create_subnet", "only the network's project may add a subnet to it");
        }
    }

    /**
     * A port goes on any network the caller sees; on another project's shared network it may not pick its
     * address (it would take one the owner planned for) nor pose as the VIM's own device.
     */
    void mayCreatePortOn(NetworkView network, boolean choosesAddress, String deviceOwner) {
        visible(network);
        if (caller.admin() || owns(network.project())) {
            return;
        }
        if (choosesAddress) {
            throw disallowed("create_port:fixed_ips:ip_address",
                    "only the network's project may choose a port's address on it");
        }
        if (deviceOwner.startsWith(VIM_DEVICE_PREFIX)) {
            throw disallowed("create_port:device_owner",
                    "only the network's project may create a port owned by " + deviceOwner + " on it");
        }
    }

    // --- changing ----------------------------------------------------------------------------------

    /** @param action Neutron's policy name, {@code update_network} or {@code delete_network} */
    void mayChange(NetworkView network, String action) {
        visible(network);
        if (!caller.admin() && !owns(network.project())) {
            throw disallowed(action, "only the network's project may change it");
        }
    }

    void mayShare() {
        if (!caller.admin()) {
            throw disallowed("update_network:shared", "only an admin may share or unshare a network");
        }
    }

    /** Subnets are changed by their network's project, as Neutron's {@code admin_or_network_owner}. */
    void mayChange(SubnetView subnet, Optional<NetworkView> network, String action) {
        visible(subnet, network);
        if (!caller.admin() && !ownsNetwork(network)) {
            throw disallowed(action, "only the network's project may change its subnets");
        }
    }

    /**
     * What a port update may change besides its name: as at creation, only the network's project chooses
     * addresses or a {@code network:} owner on it; a MAC is changed by admins only (Neutron's
     * {@code update_port:mac_address}).
     */
    void mayUpdatePort(PortView port, Optional<NetworkView> network, org.diminet.vim.embedded.PortChange change) {
        if (caller.admin()) {
            return;
        }
        if (change.macAddress().isPresent()) {
            throw disallowed("update_port:mac_address", "only an admin may change a port's MAC");
        }
        if (ownsNetwork(network)) {
            return;
        }
        if (change.fixedIps().map(ips -> ips.stream().anyMatch(ip -> ip.ipAddress() != null)).orElse(false)) {
            throw disallowed("update_port:fixed_ips:ip_address", "only the network's project may choose a port's address on it");
        }
        if (change.deviceOwner().map(o -> o.startsWith(VIM_DEVICE_PREFIX)).orElse(false)) {
            throw disallowed("update_port:device_owner", "only the network's project may give a port a network: owner on it");
        }
    }

    /** Whoever sees a port may change it: its own project and the network's (and admins). */
    void mayChange(PortView port, Optional<NetworkView> network) {
        visible(port, network);
    }

    // ---------------------------------------------------------------------------------------------

    private boolean owns(String project) {
        return caller.project().equals(project);
    }

    private boolean ownsNetwork(Optional<NetworkView> network) {
        return network.map(n -> owns(n.project())).orElse(false);
    }

    /** Neutron's own message for a missing resource, so a hidden one reads the same. */
    private static EmbeddedVimException notFound(String kind, String id) {
        return new EmbeddedVimException(404, kind + "NotFound", kind + " " + id + " could not be found.");
    }

    private static EmbeddedVimException disallowed(String rule, String why) {
        return forbidden("rule:" + rule + " is disallowed by policy (" + why + ")");
    }

    private static EmbeddedVimException forbidden(String message) {
        return new EmbeddedVimException(403, "PolicyNotAuthorized", message);
    }
}
