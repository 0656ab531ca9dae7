package org.diminet.vim.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A router's ports and the checks Neutron makes on them. A router's interfaces and its gateway are ordinary
 * ports (so they take addresses, show in {@code /v2.0/ports} and keep networks and subnets in use) whose
 * {@code device_id} is the router. Used under {@link SiteStore}'s lock only.
 */
final class RouterPorts {
    /** Neutron's device owner of a router's interface on an internal network. */
    static final String INTERFACE = "network:router_interface";
    /** Neutron's device owner of a router's gateway port on an external network. */
    static final String GATEWAY = "network:router_gateway";
    private static final Set<String> ROUTER_OWNERS = Set.of(INTERFACE, GATEWAY);

    private final SiteState state;

    RouterPorts(SiteState state) {
        this.state = state;
    }

    /** The router's interface ports, in creation order. */
    List<PortView> interfacesOf(String routerId) {
        return state.ports().stream().filter(p -> p.deviceId().equals(routerId) && p.deviceOwner().equals(INTERFACE))
                .toList();
    }

    /** Every port of the router: interfaces and gateway. */
    List<PortView> portsOf(RouterView router) {
        return state.ports().stream().filter(p -> p.deviceId().equals(router.id()) && ROUTER_OWNERS.contains(p.deviceOwner()))
                .toList();
    }

    /** A new port of the router, with the addresses asked for (or one the allocator picks when none is). */
    PortView create(RouterView router, NetworkView network, String owner, String project, List<FixedIpRequest> addresses) {
        if (addresses.size() > 1) {
            throw EmbeddedVimException.invalidInput("the simulated site gives a router's port at most one address"
                    + " when it is created; " + addresses.size() + " were asked for.");
        }
        List<FixedIp> fixedIps = new AddressAllocator(state).addressesFor(network, addresses.stream().findFirst());
        var now = ResourceFields.now();
        return state.addPort(new PortView(ResourceFields.newId(), "", project, network.id(), owner, router.id(),
                Ports.newMac(state), fixedIps, true, "DOWN", now, now, "", 1));
    }

    /** The same port with other addresses: removed and added again, so the used addresses follow. */
    PortView withAddresses(PortView p, List<FixedIp> fixedIps) {
        state.removePort(p.id());
        return state.addPort(p.withFixedIps(fixedIps));
    }

    /**
     * Neutron's check before a router gets ports on new subnets (an interface, or a gateway on an external
     * network): none of them may already have a port of the router, and none may overlap a subnet the router
     * is on (for the gateway: every subnet of the external network).
     *
     * @throws EmbeddedVimException 400 {@code BadRequest}
     */
    void requireNoDuplicateSubnets(RouterView router, Collection<SubnetView> newSubnets) {
        Set<String> newIds = new java.util.HashSet<>();
        newSubnets.forEach(s -> newIds.add(s.id()));
        Map<String, SubnetView> routerSubnets = new LinkedHashMap<>();
        for (PortView port : portsOf(router)) {
            for (FixedIp ip : port.fixedIps()) {
                if (newIds.contains(ip.subnetId())) {
                    throw badRequest("Router already has a port on subnet " + ip.subnetId());
                }
            }
            if (port.deviceOwner().equals(GATEWAY)) {
                state.findNetwork(port.networkId()).ifPresent(n -> state.subnetsOf(n).forEach(s -> routerSubnets.put(s.id(), s)));
            } else {
                port.fixedIps().forEach(ip -> state.findSubnet(ip.subnetId()).ifPresent(s -> routerSubnets.put(s.id(), s)));
            }
        }
        for (SubnetView existing : routerSubnets.values()) {
            for (SubnetView added : newSubnets) {
                if (existing.cidr().overlaps(added.cidr())) {
                    throw badRequest("Cidr " + added.cidr().value() + " of subnet " + added.id() + " overlaps with cidr "
                            + existing.cidr().value() + " of subnet " + existing.id());
                }
            }
        }
    }

    /** The router's interface port on the network that already has an IPv6 address, if any. */
    Optional<PortView> ipv6InterfaceOn(RouterView router, String networkId) {
        return interfacesOf(router.id()).stream().filter(p -> p.networkId().equals(networkId) && hasIpv6Address(p))
                .findFirst();
    }

    static boolean hasIpv6Address(PortView port) {
        return port.fixedIps().stream().anyMatch(ip -> ip.ipAddress().contains(":"));
    }

    /** The subnets of the port's addresses, in the port's order. */
    List<SubnetView> subnetsOf(PortView port) {
        List<SubnetView> subnets = new ArrayList<>();
        port.fixedIps().forEach(ip -> state.findSubnet(ip.subnetId()).ifPresent(s -> {
            if (!subnets.contains(s)) {
                subnets.add(s);
            }
        }));
        return subnets;
    }

    /**
     * Neutron refuses to delete a router's port through the port API while the router exists and the port has
     * an address: it goes with {@code remove_router_interface}, the gateway update, or the router.
     *
     * @throws EmbeddedVimException 409 {@code ServicePortInUse}
     */
    void requireDeletableThroughPortApi(PortView port) {
        if (ROUTER_OWNERS.contains(port.deviceOwner()) && !port.fixedIps().isEmpty()
                && state.l3().findRouter(port.deviceId()).isPresent()) {
            throw EmbeddedVimException.conflict("ServicePortInUse", "Port " + port.id() + " cannot be deleted directly"
                    + " via the port API: has device owner " + port.deviceOwner() + ".");
        }
    }

    /** Neutron's {@code BadRequest(resource='router')}. */
    static EmbeddedVimException badRequest(String message) {
        return EmbeddedVimException.badRequest("BadRequest", "Bad router request: " + message + ".");
    }
}
