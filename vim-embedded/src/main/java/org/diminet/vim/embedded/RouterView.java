package org.diminet.vim.embedded;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A router as the embedded VIM shows it (Neutron's {@code router} extension). Its interfaces are not listed
 * here: as in Neutron they are ports whose {@code device_id} is the router and whose device owner is
 * {@link RouterPorts#INTERFACE}. Its status is always {@code ACTIVE}: nothing schedules it on an agent.
 *
 * @param project  the project that owns it
 * @param gateway  its external gateway, or null when it has none
 * @param revision Neutron's {@code revision_number}: 1 when created, one more for every change of the router,
 *                 its gateway or its interfaces
 * @param routes   Neutron's {@code extraroute}: static routes, each via an address of a subnet the router is on
 */
public record RouterView(String id, String name, String project, boolean adminStateUp, String description,
                         Gateway gateway, Instant createdAt, Instant updatedAt, int revision, List<Route> routes) {
    public RouterView {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(description, "description");
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /**
     * A static route, in canonical form: {@code destination} a CIDR without host bits, {@code nexthop} an address.
     */
    public record Route(String destination, String nexthop) {
        public Route {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(nexthop, "nexthop");
        }

        /** As Python prints it, the form Neutron's messages quote routes in. */
        String python() {
            return "{'destination': '" + destination + "', 'nexthop': '" + nexthop + "'}";
        }
    }

    /**
     * The router's leg on a {@code router:external} network: a port owned by {@link RouterPorts#GATEWAY}.
     *
     * @param portId           that port, so the router answers with its addresses without a search
     * @param externalFixedIps that port's addresses, kept here because only the router changes them
     */
    public record Gateway(String networkId, boolean enableSnat, String portId, List<FixedIp> externalFixedIps) {
        public Gateway {
            Objects.requireNonNull(networkId, "networkId");
            externalFixedIps = List.copyOf(externalFixedIps);
        }
    }

    public String status() {
        return "ACTIVE";
    }

    RouterView changed(String newName, boolean newAdminStateUp, String newDescription, Gateway newGateway,
                       List<Route> newRoutes) {
        return new RouterView(id, newName, project, newAdminStateUp, newDescription, newGateway, createdAt,
                ResourceFields.now(), revision + 1, newRoutes);
    }

    /** The same router, one revision later: an interface came or went. */
    RouterView touched() {
        return changed(name, adminStateUp, description, gateway, routes);
    }
}
