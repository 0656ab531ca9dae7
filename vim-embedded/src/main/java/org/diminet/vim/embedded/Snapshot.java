package org.diminet.vim.embedded;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;

/**
 * The JSON form of a site's {@link SiteState.Contents}. Plain strings throughout, so the file does not
 * depend on how core types serialise. Statuses are not saved: a network is always ACTIVE and a port DOWN.
 *
 * <p>Attributes added later (descriptions, revisions, a subnet's DNS servers, host routes and IPv6 modes) read
 * back from older files as Neutron's defaults: empty, revision 1, null modes.
 *
 * <p>Files written before resources had owners have no {@code project} and no {@code shared}: such a
 * network belongs to the site's own project and is not shared, and its subnets and ports to its project.
 * Files written before routers existed have no {@code routers} and no {@code externalNetworks}: none of either.
 */
record Snapshot(String region, List<NetworkState> networks, List<SubnetState> subnets, List<PortState> ports,
                List<RouterState> routers, List<String> externalNetworks) {

    /** @param project null in a file written before networks had owners */
    record NetworkState(String id, String name, String project, boolean shared, List<String> subnetIds,
                        boolean adminStateUp, String createdAt, String updatedAt, String description, long revision) {
    }

    /** @param project null in a file written before subnets had owners */
    record SubnetState(String id, String name, String project, String networkId, String cidr, String gatewayIp,
                       List<PoolState> allocationPools, boolean enableDhcp, String createdAt, String updatedAt,
                       List<String> dnsNameservers, List<RouteState> hostRoutes, String ipv6RaMode,
                       String ipv6AddressMode, String description, long revision) {
    }

    record RouteState(String destination, String nexthop) {
    }

    record PoolState(String start, String end) {
    }

    /** @param project null in a file written before ports had owners */
    record PortState(String id, String name, String project, String networkId, String deviceOwner, String deviceId,
                     String macAddress, List<FixedIpState> fixedIps, boolean adminStateUp,
                     String createdAt, String updatedAt, String description, long revision) {
    }

    record FixedIpState(String subnetId, String ipAddress) {
    }

    /**
     * @param gateway null when the router has none
     * @param routes  null in a file written before routers had routes
     */
    record RouterState(String id, String name, String project, boolean adminStateUp, String description,
                       GatewayState gateway, String createdAt, String updatedAt, int revision, List<RouteState> routes) {
    }

    record GatewayState(String networkId, boolean enableSnat, String portId, List<FixedIpState> externalFixedIps) {
    }

    static Snapshot of(String region, SiteState.Contents contents) {
        return new Snapshot(region, contents.networks().stream().map(Snapshot::networkState).toList(),
                contents.subnets().stream().map(Snapshot::subnetState).toList(),
                contents.ports().stream().map(Snapshot::portState).toList(),
                contents.l3().routers().stream().map(Snapshot::routerState).toList(), contents.l3().externalNetworks());
    }

    static RouterState routerState(RouterView r) {
        RouterView.Gateway g = r.gateway();
        return new RouterState(r.id(), r.name(), r.project(), r.adminStateUp(), r.description(),
                g == null ? null : new GatewayState(g.networkId(), g.enableSnat(), g.portId(),
                        g.externalFixedIps().stream().map(ip -> new FixedIpState(ip.subnetId(), ip.ipAddress())).toList()),
                r.createdAt().toString(), r.updatedAt().toString(), r.revision(),
                r.routes().stream().map(route -> new RouteState(route.destination(), route.nexthop())).toList());
    }

    static RouterView routerView(RouterState r) {
        GatewayState g = r.gateway();
        return new RouterView(r.id(), r.name(), r.project(), r.adminStateUp(), r.description() == null ? "" : r.description(),
                g == null ? null : new RouterView.Gateway(g.networkId(), g.enableSnat(), g.portId(),
                        g.externalFixedIps().stream().map(ip -> new FixedIp(ip.subnetId(), ip.ipAddress())).toList()),
                Instant.parse(r.createdAt()), Instant.parse(r.updatedAt()), r.revision(),
                r.routes() == null ? List.of()
                        : r.routes().stream().map(route -> new RouterView.Route(route.destination(), route.nexthop())).toList());
    }

    static NetworkState networkState(NetworkView n) {
        return new NetworkState(n.id(), n.name(), n.project(), n.shared(), n.subnetIds(), n.adminStateUp(),
                n.createdAt().toString(), n.updatedAt().toString(), n.description(), n.revision());
    }

    static SubnetState subnetState(SubnetView s) {
        return new SubnetState(s.id(), s.name(), s.project(), s.networkId(), s.cidr().value(), s.gatewayIp(),
                s.allocationPools().stream().map(p -> new PoolState(p.start(), p.end())).toList(),
                s.enableDhcp(), s.createdAt().toString(), s.updatedAt().toString(), s.dnsNameservers(),
                s.hostRoutes().stream().map(r -> new RouteState(r.destination(), r.nexthop())).toList(), s.ipv6RaMode(),
                s.ipv6AddressMode(), s.description(), s.revision());
    }

    static PortState portState(PortView p) {
        return new PortState(p.id(), p.name(), p.project(), p.networkId(), p.deviceOwner(), p.deviceId(),
                p.macAddress(), p.fixedIps().stream().map(ip -> new FixedIpState(ip.subnetId(), ip.ipAddress())).toList(),
                p.adminStateUp(), p.createdAt().toString(), p.updatedAt().toString(), p.description(), p.revision());
    }

    static NetworkView networkView(NetworkState n, String project) {
        return new NetworkView(n.id(), n.name(), project, n.shared(), n.subnetIds(), n.adminStateUp(), "ACTIVE",
                Instant.parse(n.createdAt()), Instant.parse(n.updatedAt()), n.description(), revision(n.revision()));
    }

    static PortView portView(PortState p, String project) {
        return new PortView(p.id(), p.name(), project, p.networkId(), p.deviceOwner(), p.deviceId(), p.macAddress(),
                p.fixedIps().stream().map(ip -> new FixedIp(ip.subnetId(), ip.ipAddress())).toList(),
                p.adminStateUp(), "DOWN", Instant.parse(p.createdAt()), Instant.parse(p.updatedAt()), p.description(),
                revision(p.revision()));
    }

    /** 0 is what a file written before revisions were kept reads as: that is the first revision. */
    private static long revision(long saved) {
        return Math.max(1, saved);
    }

    /** Whether some resource was saved before resources had owners. */
    boolean lacksOwners() {
        return networks.stream().anyMatch(n -> n.project() == null) || subnets.stream().anyMatch(s -> s.project() == null)
                || ports.stream().anyMatch(p -> p.project() == null);
    }

    /** @param siteProject the owner of networks saved without one */
    SiteState.Contents contents(String siteProject) {
        List<NetworkView> networkViews = networks.stream()
                .map(n -> networkView(n, n.project() == null ? siteProject : n.project())).toList();
        Map<String, String> ownerOfNetwork = new HashMap<>();
        networkViews.forEach(n -> ownerOfNetwork.put(n.id(), n.project()));
        return new SiteState.Contents(networkViews,
                subnets.stream().map(s -> subnetView(s, ownerOr(s.project(), ownerOfNetwork, s.networkId()))).toList(),
                ports.stream().map(p -> portView(p, ownerOr(p.project(), ownerOfNetwork, p.networkId()))).toList(),
                new RouterTables.Contents(routers == null ? List.of() : routers.stream().map(Snapshot::routerView).toList(),
                        externalNetworks));
    }

    private static String ownerOr(String saved, Map<String, String> ownerOfNetwork, String networkId) {
        if (saved != null) {
            return saved;
        }
        String owner = ownerOfNetwork.get(networkId);
        if (owner == null) {
            throw new IllegalArgumentException("the snapshot names network " + networkId + ", which it does not hold");
        }
        return owner;
    }

    static SubnetView subnetView(SubnetState s, String project) {
        Cidr cidr = Cidr.of(s.cidr());
        return new SubnetView(s.id(), s.name(), project, s.networkId(), cidr.ipVersion(), cidr, s.gatewayIp(),
                s.allocationPools().stream().map(p -> new IpRange(p.start(), p.end())).toList(), s.enableDhcp(),
                Instant.parse(s.createdAt()), Instant.parse(s.updatedAt()), s.dnsNameservers(),
                s.hostRoutes() == null ? List.of()
                        : s.hostRoutes().stream().map(r -> new HostRoute(r.destination(), r.nexthop())).toList(),
                s.ipv6RaMode(), s.ipv6AddressMode(), s.description(), revision(s.revision()));
    }
}
