package org.diminet.vim.embedded;

import static org.diminet.vim.embedded.ResourceFields.newId;
import static org.diminet.vim.embedded.ResourceFields.now;
import static org.diminet.vim.embedded.ResourceFields.orEmpty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Neutron's {@code /v2.0/routers} with {@code add_router_interface} and {@code remove_router_interface}, and the
 * {@code ext-gw-mode} gateway ({@code enable_snat}), with Neutron's checks and error types
 * ({@link EmbeddedVimException}). A router forwards nothing here: it is the bookkeeping Neutron keeps (ports
 * with the subnets' gateway addresses, a gateway port on an external network) and what it refuses.
 *
 * <p>Who may see or change which router (Neutron: its project, and admins), and the admin-only parts of the
 * gateway ({@code enable_snat}, {@code external_fixed_ips}), are the policy of whoever serves this API.
 */
public final class Routers {

    private final SiteStore store;

    Routers(SiteStore store) {
        this.store = store;
    }

    /** Every router of every project, in creation order. */
    public List<RouterView> list() {
        return store.read(state -> List.copyOf(state.l3().routers()));
    }

    /** @throws EmbeddedVimException 404 {@code RouterNotFound} */
    public RouterView get(String id) {
        return store.read(state -> state.l3().requireRouter(id));
    }

    /** The router, or empty when there is none with that id. */
    public Optional<RouterView> find(String id) {
        return store.read(state -> state.l3().findRouter(id));
    }

    /** The router's interface ports, in creation order. */
    public List<PortView> interfaces(String routerId) {
        return store.read(state -> {
            state.l3().requireRouter(routerId);
            return new RouterPorts(state).interfacesOf(routerId);
        });
    }

    /**
     * Creates a router, with its gateway port when {@code gateway} is given; one change, so a refused gateway
     * leaves no router behind.
     *
     * @param project the project that will own it
     * @throws EmbeddedVimException as {@link #update} for the gateway; 400 {@code InvalidInput} for a blank project
     */
    public RouterView create(String name, String project, boolean adminStateUp, String description,
                             Optional<GatewayRequest> gateway) {
        String owner = ResourceFields.project(project);
        return store.write(state -> {
            Instant now = now();
            RouterView router = state.l3().putRouter(new RouterView(newId(), orEmpty(name), owner, adminStateUp,
                    orEmpty(description), null, now, now, 1, List.of()));
            if (gateway.isEmpty()) {
                return router;
            }
            return state.l3().putRouter(new RouterView(router.id(), router.name(), owner, adminStateUp,
                    router.description(), newGateway(state, router, gateway), now, now, 1, List.of()));
        });
    }

    /**
     * Changes a router; an empty value changes nothing. {@code gateway} present but empty removes the gateway;
     * a gateway on another network replaces the gateway port; on the same network with other
     * {@code externalFixedIps} the port's address changes; {@code enableSnat} not given means true, as in Neutron.
     * {@code routes} replaces the static routes (Neutron's {@code extraroute}); every route's next hop must be in a
     * subnet the router has a port on, and not one of its own addresses, also after a gateway change.
     *
     * @throws EmbeddedVimException 404 {@code RouterNotFound}, {@code NetworkNotFound}; 400 {@code BadRequest} (not
     *                              an external network, an address that is the subnet's gateway, a subnet the router
     *                              is already on or that overlaps one), {@code InvalidInput}, {@code InvalidRoutes},
     *                              {@code RoutesExhausted}; 409 {@code IpAddressAlreadyAllocated},
     *                              {@code IpAddressGenerationFailure}
     */
    public RouterView update(String id, Optional<String> name, Optional<Boolean> adminStateUp,
                             Optional<String> description, Optional<Optional<GatewayRequest>> gateway,
                             Optional<List<RouterView.Route>> routes) {
        return store.write(state -> {
            RouterView r = state.l3().requireRouter(id);
            RouterView.Gateway newGateway = gateway.isPresent() ? newGateway(state, r, gateway.get()) : r.gateway();
            List<RouterView.Route> newRoutes = routes.orElse(r.routes());
            if (routes.isPresent() || gateway.isPresent()) {
                requireValidRoutes(state, r, newRoutes);
            }
            return state.l3().putRouter(r.changed(name.orElse(r.name()), adminStateUp.orElse(r.adminStateUp()),
                    description.orElse(r.description()), newGateway, newRoutes));
        });
    }

    /** Neutron's {@code max_routes} default. */
    private static final int MAX_ROUTES = 30;

    /** Neutron's checks of a router's routes against the ports it has (once a gateway change is made). */
    private static void requireValidRoutes(SiteState state, RouterView router, List<RouterView.Route> routes) {
        if (routes.size() > MAX_ROUTES) {
            throw EmbeddedVimException.badRequest("RoutesExhausted", "Unable to complete operation for " + router.id()
                    + ". The number of routes exceeds the maximum " + MAX_ROUTES + ".");
        }
        List<org.diminet.core.domain.Cidr> cidrs = new ArrayList<>();
        Set<String> addresses = new HashSet<>();
        for (PortView port : new RouterPorts(state).portsOf(router)) {
            for (FixedIp ip : port.fixedIps()) {
                state.findSubnet(ip.subnetId()).ifPresent(s -> cidrs.add(s.cidr()));
                addresses.add(ip.ipAddress());
            }
        }
        for (RouterView.Route route : routes) {
            if (cidrs.stream().noneMatch(cidr -> cidr.contains(route.nexthop()))) {
                throw invalidRoutes(routes, "the nexthop is not connected with router");
            }
            if (addresses.contains(route.nexthop())) {
                throw invalidRoutes(routes, "the nexthop is used by router");
            }
        }
    }

    private static EmbeddedVimException invalidRoutes(List<RouterView.Route> routes, String reason) {
        return EmbeddedVimException.badRequest("InvalidRoutes", "Invalid format for routes: ["
                + String.join(", ", routes.stream().map(RouterView.Route::python).toList()) + "], " + reason);
    }

    /** Neutron keeps an interface a route goes through. */
    private static void requireNoRouteThrough(SiteState state, RouterView router, String subnetId) {
        state.findSubnet(subnetId).ifPresent(subnet -> {
            if (router.routes().stream().anyMatch(route -> subnet.cidr().contains(route.nexthop()))) {
                throw EmbeddedVimException.conflict("RouterInterfaceInUseByRoute", "Router interface for subnet "
                        + subnetId + " on router " + router.id() + " cannot be deleted, as it is required by one or"
                        + " more routes.");
            }
        });
    }

    /**
     * Deletes a router and its gateway port.
     *
     * @throws EmbeddedVimException 404 {@code RouterNotFound}; 409 {@code RouterInUse} while it has interfaces
     */
    public void delete(String id) {
        store.change(state -> {
            RouterView router = state.l3().requireRouter(id);
            List<PortView> interfaces = new RouterPorts(state).interfacesOf(id);
            if (!interfaces.isEmpty()) {
                throw EmbeddedVimException.conflict("RouterInUse", "Router " + id + " has ports still attached: "
                        + String.join(", ", interfaces.stream().map(PortView::id).toList()));
            }
            if (router.gateway() != null) {
                removeGatewayPort(state, router.gateway());
            }
            state.l3().removeRouter(id);
        });
    }

    /**
     * Gives the router an interface on the subnet: a new port holding the subnet's gateway address, or, for an
     * IPv6 subnet whose network already has an IPv6 interface of the router, one more address on that port.
     *
     * @throws EmbeddedVimException 404 {@code RouterNotFound}, {@code SubnetNotFound}; 400 {@code BadRequest} (no
     *                              gateway, a subnet the router is already on or that overlaps one); 409
     *                              {@code IpAddressAlreadyAllocated} when a port holds the gateway address
     */
    public RouterInterface addSubnetInterface(String routerId, String subnetId) {
        return store.write(state -> {
            RouterView router = state.l3().requireRouter(routerId);
            SubnetView subnet = state.requireSubnet(subnetId);
            if (subnet.gatewayIp() == null) {
                throw RouterPorts.badRequest("Subnet for router interface must have a gateway IP");
            }
            RouterPorts ports = new RouterPorts(state);
            ports.requireNoDuplicateSubnets(router, List.of(subnet));
            FixedIpRequest gatewayAddress = new FixedIpRequest(subnet.id(), subnet.gatewayIp());
            Optional<PortView> ipv6Port = subnet.ipVersion() == 6
                    ? ports.ipv6InterfaceOn(router, subnet.networkId()) : Optional.empty();
            PortView port;
            if (ipv6Port.isPresent()) {
                NetworkView network = state.requireNetwork(subnet.networkId());
                List<FixedIp> fixedIps = new ArrayList<>(ipv6Port.get().fixedIps());
                fixedIps.addAll(new AddressAllocator(state).addressesFor(network, Optional.of(gatewayAddress)));
                port = ports.withAddresses(ipv6Port.get(), fixedIps);
            } else {
                port = ports.create(router, state.requireNetwork(subnet.networkId()), RouterPorts.INTERFACE,
                        router.project(), List.of(gatewayAddress));
            }
            state.l3().putRouter(router.touched());
            return new RouterInterface(router.id(), port.project(), port.id(), port.networkId(), subnet.id(),
                    List.of(subnet.id()));
        });
    }

    /**
     * Makes an existing port, with its addresses, an interface of the router.
     *
     * @throws EmbeddedVimException 404 {@code RouterNotFound}, {@code PortNotFound}; 409 {@code PortInUse} when the
     *                              port has a device already; 400 {@code BadRequest} (no address, two IPv4 subnets,
     *                              a subnet the router is already on or that overlaps one, a second IPv6 port on
     *                              one network)
     */
    public RouterInterface addPortInterface(String routerId, String portId) {
        return store.write(state -> {
            RouterView router = state.l3().requireRouter(routerId);
            PortView port = state.requirePort(portId);
            if (!port.deviceId().isEmpty()) {
                throw EmbeddedVimException.conflict("PortInUse", "Unable to complete operation on port " + port.id()
                        + " for network " + port.networkId() + ". Port already has an attached device "
                        + port.deviceId() + ".");
            }
            if (port.fixedIps().isEmpty()) {
                throw RouterPorts.badRequest("Router port must have at least one fixed IP");
            }
            RouterPorts ports = new RouterPorts(state);
            if (RouterPorts.hasIpv6Address(port)) {
                ports.ipv6InterfaceOn(router, port.networkId()).ifPresent(existing -> {
                    throw RouterPorts.badRequest("Cannot have multiple router ports with the same network id if both"
                            + " contain IPv6 subnets. Existing port " + existing.id() + " has IPv6 subnet(s) and network id "
                            + existing.networkId());
                });
            }
            List<SubnetView> subnets = ports.subnetsOf(port);
            ports.requireNoDuplicateSubnets(router, subnets);
            if (subnets.stream().filter(s -> s.ipVersion() == 4).count() > 1) {
                throw RouterPorts.badRequest("Cannot have multiple IPv4 subnets on router port");
            }
            state.replacePort(new PortView(port.id(), port.name(), port.project(), port.networkId(), RouterPorts.INTERFACE,
                    router.id(), port.macAddress(), port.fixedIps(), port.adminStateUp(), port.status(),
                    port.createdAt(), now(), port.description(), port.revision() + 1));
            state.l3().putRouter(router.touched());
            List<String> subnetIds = subnets.stream().map(SubnetView::id).toList();
            return new RouterInterface(router.id(), port.project(), port.id(), port.networkId(), subnetIds.getLast(),
                    subnetIds);
        });
    }

    /**
     * Removes an interface, by its port (and then {@code subnetId}, if given, must be one of the port's) or by
     * its subnet. The port goes away, or, when it has addresses on other subnets too, only the subnet's address.
     *
     * @throws EmbeddedVimException 400 {@code BadRequest} when neither is given, {@code SubnetMismatchForPort};
     *                              404 {@code RouterNotFound}, {@code SubnetNotFound}, {@code RouterInterfaceNotFound},
     *                              {@code RouterInterfaceNotFoundForSubnet}
     */
    public RouterInterface removeInterface(String routerId, Optional<String> portId, Optional<String> subnetId) {
        if (portId.isEmpty() && subnetId.isEmpty()) {
            throw RouterPorts.badRequest("Either subnet_id or port_id must be specified");
        }
        return store.write(state -> {
            RouterView router = state.l3().requireRouter(routerId);
            RouterPorts ports = new RouterPorts(state);
            RouterInterface removed = portId.isPresent()
                    ? removeByPort(state, ports, router, portId.get(), subnetId)
                    : removeBySubnet(state, ports, router, subnetId.get());
            state.l3().putRouter(router.touched());
            return removed;
        });
    }

    private static RouterInterface removeByPort(SiteState state, RouterPorts ports, RouterView router, String portId,
                                                Optional<String> subnetId) {
        PortView port = ports.interfacesOf(router.id()).stream().filter(p -> p.id().equals(portId)).findFirst()
                .orElseThrow(() -> EmbeddedVimException.notFound("RouterInterfaceNotFound", "Router " + router.id()
                        + " does not have an interface with id " + portId));
        List<String> subnetIds = port.fixedIps().stream().map(FixedIp::subnetId).distinct().toList();
        if (subnetId.isPresent() && !subnetIds.contains(subnetId.get())) {
            throw EmbeddedVimException.badRequest("SubnetMismatchForPort", "Subnet on port " + portId
                    + " does not match the requested subnet " + subnetId.get() + ".");
        }
        subnetIds.forEach(id -> requireNoRouteThrough(state, router, id));
        state.removePort(port.id());
        return new RouterInterface(router.id(), port.project(), port.id(), port.networkId(),
                subnetIds.isEmpty() ? null : subnetIds.getFirst(), subnetIds);
    }

    private static RouterInterface removeBySubnet(SiteState state, RouterPorts ports, RouterView router, String subnetId) {
        SubnetView subnet = state.requireSubnet(subnetId);
        for (PortView port : ports.interfacesOf(router.id())) {
            if (!port.networkId().equals(subnet.networkId())
                    || port.fixedIps().stream().noneMatch(ip -> ip.subnetId().equals(subnetId))) {
                continue;
            }
            requireNoRouteThrough(state, router, subnetId);
            List<FixedIp> others = port.fixedIps().stream().filter(ip -> !ip.subnetId().equals(subnetId)).toList();
            if (others.isEmpty()) {
                state.removePort(port.id());
            } else {
                ports.withAddresses(port, others);
            }
            return new RouterInterface(router.id(), port.project(), port.id(), port.networkId(), subnetId,
                    List.of(subnetId));
        }
        throw EmbeddedVimException.notFound("RouterInterfaceNotFoundForSubnet", "Router " + router.id()
                + " has no interface on subnet " + subnetId);
    }

    /** The gateway after a request, with its port created, moved, readdressed or removed as Neutron does. */
    private static RouterView.Gateway newGateway(SiteState state, RouterView router, Optional<GatewayRequest> request) {
        RouterView.Gateway current = router.gateway();
        if (request.isEmpty()) {
            if (current != null) {
                removeGatewayPort(state, current);
            }
            return null;
        }
        GatewayRequest wanted = request.get();
        NetworkView network = state.requireNetwork(wanted.networkId());
        if (!state.l3().isExternal(network.id())) {
            throw RouterPorts.badRequest("Network " + network.id() + " is not an external network");
        }
        List<SubnetView> externalSubnets = state.subnetsOf(network);
        for (FixedIpRequest ip : wanted.externalFixedIps()) {
            if (ip.ipAddress() != null && externalSubnets.stream().anyMatch(s -> ip.ipAddress().equals(s.gatewayIp()))) {
                throw RouterPorts.badRequest("External IP " + ip.ipAddress() + " is the same as the gateway IP");
            }
        }
        boolean enableSnat = wanted.enableSnat().orElse(true);
        RouterPorts ports = new RouterPorts(state);
        if (current != null && current.networkId().equals(network.id())) {
            if (wanted.externalFixedIps().isEmpty() || sameAddresses(current.externalFixedIps(), wanted.externalFixedIps())) {
                return new RouterView.Gateway(network.id(), enableSnat, current.portId(), current.externalFixedIps());
            }
            PortView old = state.requirePort(current.portId());
            state.removePort(old.id());
            List<FixedIp> fixedIps = new AddressAllocator(state).addressesFor(network,
                    Optional.of(single(wanted.externalFixedIps())));
            PortView moved = state.addPort(old.withFixedIps(fixedIps));
            return new RouterView.Gateway(network.id(), enableSnat, moved.id(), moved.fixedIps());
        }
        if (current != null) {
            removeGatewayPort(state, current);
        }
        ports.requireNoDuplicateSubnets(router, externalSubnets);
        // Neutron's gateway port belongs to no project: only admins see it.
        PortView port = ports.create(router, network, RouterPorts.GATEWAY, "", wanted.externalFixedIps());
        return new RouterView.Gateway(network.id(), enableSnat, port.id(), port.fixedIps());
    }

    private static FixedIpRequest single(List<FixedIpRequest> requests) {
        if (requests.size() > 1) {
            throw EmbeddedVimException.invalidInput("the simulated site gives a router's gateway at most one address;"
                    + " external_fixed_ips holds " + requests.size() + ".");
        }
        return requests.getFirst();
    }

    /** Whether the request names exactly the gateway's subnets and addresses (Neutron then changes nothing). */
    private static boolean sameAddresses(List<FixedIp> current, List<FixedIpRequest> wanted) {
        Set<String> subnets = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        current.forEach(ip -> {
            subnets.add(ip.subnetId());
            addresses.add(ip.ipAddress());
        });
        Set<String> wantedSubnets = new HashSet<>();
        Set<String> wantedAddresses = new HashSet<>();
        wanted.forEach(ip -> {
            if (ip.subnetId() != null) {
                wantedSubnets.add(ip.subnetId());
            }
            if (ip.ipAddress() != null) {
                wantedAddresses.add(ip.ipAddress());
            }
        });
        return subnets.equals(wantedSubnets) && addresses.equals(wantedAddresses);
    }

    private static void removeGatewayPort(SiteState state, RouterView.Gateway gateway) {
        if (state.ports().stream().anyMatch(p -> p.id().equals(gateway.portId()))) {
            state.removePort(gateway.portId());
        }
    }
}
