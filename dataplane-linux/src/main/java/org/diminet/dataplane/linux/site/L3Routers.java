package org.diminet.dataplane.linux.site;

import org.diminet.dataplane.linux.DirectoryTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.RouteTarget;
import org.diminet.core.domain.error.ConflictException;
import org.diminet.dataplane.linux.BgpEvpn;
import org.diminet.dataplane.linux.BgpNeighbor;
import org.diminet.dataplane.linux.BgpRouter;
import org.diminet.dataplane.linux.FrrInstance;
import org.diminet.dataplane.linux.L3Vni;
import org.diminet.dataplane.linux.LinkInfo;
import org.diminet.dataplane.linux.LinuxNetwork;
import org.diminet.dataplane.linux.Naming;
import org.diminet.dataplane.linux.RouteDistinguisher;
import org.diminet.vim.embedded.SubnetView;

/**
 * The routers of one site's L3 services. This kernel has no VRF, so an L3 service gets, at each of its
 * sites, a router namespace of its own whose default table holds that service's routes only; an FRR in it
 * (zebra + bgpd) does symmetric IRB over the service's L3 VNI with type-5 routes. Isolation between
 * services comes from the route targets each router imports, as with BGPVPN.
 *
 * <p>Addressing, for site number {@code N} (the last octet of its underlay address {@code 10.255.0.N}) and
 * the router underlay {@code 10.254.0.0/16} ({@link LinuxSiteSettings#routerUnderlay()}):
 * <pre>
 *   WAN namespace p+"wan": bridge p+"wan" — one link, two IPv4 subnets: 10.255.0.0/24 sites, 10.254.0.0/16 routers
 *        │                                        │
 *   site namespace p+"site-&lt;region&gt;"          router namespace p+"rt-&lt;region&gt;-&lt;L3VNI&gt;" (per L3 service here)
 *     p+"up" 10.255.0.N/24                        p+"up" 10.254.N.k/16 = VTEP (k: 1..254, lowest free)
 *     route 10.254.0.0/16 dev p+"up" (on-link)    route 10.255.0.N/32 dev p+"up" (on-link)
 *     FRR, AS 65000+N  ◄──── eBGP EVPN ────────── FRR, AS 4200000000+1000N+k, router id = VTEP
 *     (bgp listen range 10.254.N.0/24)            vni L3VNI; network &lt;subnet&gt;; advertise ipv4 unicast
 *     bridge p+"b"+hash(network)                  bridge p+"l3", MAC 02:00:&lt;VTEP&gt; (router MAC)
 *       ├─ p+"g"+hash(router) ─── veth ─────────── p+"lan" 10.91.N.1/24 (the subnet's gateway)
 *       └─ p+"m"+hash(machine) ── machine (default via 10.91.N.1)  └─ p+"x"+L3VNI (local = VTEP)
 * </pre>
 * A router peers only with its own site's FRR, which accepts any router of its block; the site FRRs pass
 * the type-5 routes on to each other with the next hop (the router's VTEP) unchanged, and since all VTEPs
 * share the WAN link, routers send VXLAN straight to each other. A router imports only the route targets
 * DIMINET gives the service, so another service's routes (even for the same CIDRs) never enter its table.
 * The L3 VNI is {@link ServiceVni#l3}, the same at every site; the RD is {@code VTEP:1}.
 *
 * <p>Everything is found again from the kernel and the file system: router namespaces by
 * {@link LinuxSiteSettings#routerPrefix()} (followed by the L3 VNI), their FRR under
 * {@link LinuxSiteSettings#routerFrrDirectory}, the service in the alias of the L3 bridge. Callers
 * serialise changes by holding the site's lock.
 */
final class L3Routers {
    static final String PEER_GROUP = "l3routers";
    private static final Duration FRR_READY = Duration.ofSeconds(20);

    private final LinuxSite site;

    L3Routers(LinuxSite site) {
        this.site = site;
    }

    /**
     * Makes the router of L3 VNI {@code vni} route {@code network}'s IPv4 subnets (those with a gateway) for
     * {@code service}, exporting and importing the given targets. A router made here is removed again when
     * a later step fails.
     *
     * @param vtep the VTEP address to keep, if it was recorded and is still free
     * @return the router's VTEP address
     * @throws ConflictException when the network has no IPv4 subnet with a gateway, another L3 service routes
     *                           it here already, the VNI is another service's, or no router address is left
     */
    String ensure(GlobalId service, long vni, NetworkId network, Optional<String> vtep, Set<RouteTarget> exports,
                  Set<RouteTarget> imports) {
        LinuxSiteSettings settings = site.settings();
        LinuxNetwork net = site.network();
        Naming naming = net.naming();
        String namespace = settings.routerNamespace(vni);
        List<SubnetView> subnets = site.subnets(network.value()).stream()
                .filter(s -> s.ipVersion() == 4 && s.gatewayIp() != null).toList();
        if (subnets.isEmpty()) {
            throw new ConflictException("l3-network-without-gateway", "network " + network + " at " + settings.region()
                    + " has no IPv4 subnet with a gateway; an L3 service routes through the subnet's gateway");
        }
        boolean existed = net.namespaces().exists(namespace);
        if (existed) {
            String owner = owner(vni).orElse("");
            if (!owner.isEmpty() && !owner.equals(service.toString())) {
                throw new ConflictException("vni-in-use", "L3 VNI " + vni + " of service " + service + " is already used at "
                        + settings.region() + " by service " + owner + "; create the service again (a new id)");
            }
        }
        String bridge = naming.bridge(network.value());
        for (LinkInfo leg : net.listGatewayPorts(settings.siteNamespace())) {
            if (leg.master().equals(bridge) && !leg.alias().equals(namespace)) {
                throw new ConflictException("network-routed", "network " + network + " at " + settings.region()
                        + " is already routed by another L3 service (" + leg.alias() + ")");
            }
        }
        String address = chooseVtep(namespace, vtep);
        try {
            build(service, vni, network, address, subnets, exports, imports);
        } catch (RuntimeException e) {
            if (!existed) {
                try {
                    remove(vni);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
        return address;
    }

    private void build(GlobalId service, long vni, NetworkId network, String vtep, List<SubnetView> subnets,
                       Set<RouteTarget> exports, Set<RouteTarget> imports) {
        LinuxSiteSettings settings = site.settings();
        LinuxNetwork net = site.network();
        Naming naming = net.naming();
        String namespace = settings.routerNamespace(vni);
        String siteNamespace = settings.siteNamespace();
        net.attachToWan(settings.wanNamespace(), namespace, vtep + "/" + settings.routerPrefixLength());
        net.ensureOnLinkRoute(namespace, settings.underlayAddress() + "/32", naming.uplink());
        net.setIpForwarding(namespace, true);
        String bridge = net.ensureBridge(siteNamespace, network.value());
        List<String> gateways = subnets.stream().map(s -> s.gatewayIp() + prefixLength(s.cidr().value())).toList();
        net.ensureGatewayLeg(siteNamespace, bridge, namespace, gateways);
        String l3Bridge = net.ensureL3Bridge(namespace, routerMac(vtep), service.toString());
        net.ensureVxlan(namespace, vni, vtep, l3Bridge);

        FrrInstance frr = frr(vni);
        frr.start(settings.region().name() + "-l3-" + vni, FRR_READY);
        BgpEvpn evpn = new BgpEvpn(frr);
        int k = settings.routerNumber(vtep);
        evpn.configureRouter(BgpRouter.ebgp(settings.routerAsn(k), vtep,
                List.of(BgpNeighbor.of(settings.underlayAddress(), settings.asn()).withoutConnectedCheck())));
        Set<String> prefixes = subnets.stream().map(s -> s.cidr().value()).collect(Collectors.toSet());
        evpn.ensureL3Vni(new L3Vni(vni, Optional.of(RouteDistinguisher.of(vtep + ":1")), prefixes, targets(imports),
                targets(exports)));
    }

    /** Replaces what the router of {@code vni} imports. */
    void replaceImports(long vni, Set<RouteTarget> imports) {
        String namespace = site.settings().routerNamespace(vni);
        if (!site.network().namespaces().exists(namespace)) {
            throw new IllegalStateException("no router for L3 VNI " + vni + " at " + site.settings().region()
                    + " (" + namespace + "); attach again or restore");
        }
        new BgpEvpn(frr(vni)).replaceL3Imports(targets(imports));
    }

    /** The service whose router holds {@code vni} here (its L3 bridge's alias), if any. */
    Optional<String> owner(long vni) {
        String namespace = site.settings().routerNamespace(vni);
        if (!site.network().namespaces().exists(namespace)) {
            return Optional.empty();
        }
        return site.network().link(namespace, site.network().naming().l3Bridge()).map(LinkInfo::alias)
                .filter(alias -> !alias.isEmpty());
    }

    /** The VTEP address of the router of {@code vni}, if it exists. */
    Optional<String> vtep(long vni) {
        String namespace = site.settings().routerNamespace(vni);
        if (!site.network().namespaces().exists(namespace)) {
            return Optional.empty();
        }
        return vtepIn(namespace);
    }

    /** The L3 VNIs of the routers this site has: their namespaces, and FRR directories left without one. */
    Set<Long> vnis() {
        LinuxSiteSettings settings = site.settings();
        Set<Long> found = new HashSet<>();
        String prefix = settings.routerPrefix();
        for (String namespace : site.network().namespaces().list(prefix)) {
            parseVni(namespace.substring(prefix.length())).ifPresent(found::add);
        }
        if (Files.isDirectory(settings.frrDirectory())) {
            try (Stream<Path> dirs = Files.list(settings.frrDirectory())) {
                dirs.map(d -> d.getFileName().toString())
                        .filter(n -> n.startsWith(LinuxSiteSettings.ROUTER_DIRECTORY_PREFIX))
                        .forEach(n -> parseVni(n.substring(LinuxSiteSettings.ROUTER_DIRECTORY_PREFIX.length()))
                                .ifPresent(found::add));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /** The FRR of every router this site has (running or not). */
    List<FrrInstance> frrs() {
        return vnis().stream().map(this::frr).toList();
    }

    /** Removes the router of {@code vni}: its FRR, its namespace (with its legs) and its FRR directory. */
    void remove(long vni) {
        removeAll(Set.of(vni));
    }

    /** Removes the routers of all of {@code vnis}, their FRRs stopped together. */
    void removeAll(Set<Long> vnis) {
        LinuxSiteSettings settings = site.settings();
        LinuxNetwork net = site.network();
        List<FrrInstance> frrs = vnis.stream().map(this::frr).toList();
        FrrInstance.stopAll(frrs);
        for (long vni : vnis) {
            String namespace = settings.routerNamespace(vni);
            net.detachFromWan(settings.wanNamespace(), namespace);
            net.namespaces().delete(namespace);
            Path directory = settings.routerFrrDirectory(vni);
            FrrInstance.killLeftovers(directory);
            DirectoryTrees.delete(directory);
        }
    }

    private FrrInstance frr(long vni) {
        return new FrrInstance(site.network().runner(), site.settings().routerNamespace(vni),
                site.settings().routerFrrDirectory(vni));
    }

    /**
     * The router's address: the one it has, else the recorded one, else the lowest free of the site's block;
     * never one another router of the site holds.
     */
    private String chooseVtep(String namespace, Optional<String> recorded) {
        LinuxSiteSettings settings = site.settings();
        Set<Integer> taken = new HashSet<>();
        for (String other : site.network().namespaces().list(settings.routerPrefix())) {
            if (!other.equals(namespace)) {
                vtepIn(other).map(settings::routerNumber).ifPresent(taken::add);
            }
        }
        Optional<String> current = site.network().namespaces().exists(namespace) ? vtepIn(namespace) : Optional.empty();
        for (Optional<String> candidate : List.of(current, recorded)) {
            int k = candidate.map(settings::routerNumber).orElse(0);
            if (k > 0 && !taken.contains(k)) {
                return settings.routerVtep(k);
            }
        }
        for (int k = 1; k <= 254; k++) {
            if (!taken.contains(k)) {
                return settings.routerVtep(k);
            }
        }
        throw new ConflictException("l3-routers-exhausted", settings.region() + " has 254 L3 routers already");
    }

    private Optional<String> vtepIn(String namespace) {
        LinuxSiteSettings settings = site.settings();
        return site.network().link(namespace, site.network().naming().uplink()).stream()
                .flatMap(l -> l.addresses().stream())
                .map(a -> a.substring(0, a.indexOf('/')))
                .filter(a -> settings.routerNumber(a) > 0)
                .findFirst();
    }

    /** A locally administered MAC made of the VTEP address: unique wherever VTEPs are. */
    static String routerMac(String vtep) {
        StringBuilder mac = new StringBuilder("02:00");
        for (String octet : vtep.split("\\.")) {
            mac.append(':').append(String.format("%02x", Integer.parseInt(octet)));
        }
        return mac.toString();
    }

    private static String prefixLength(String cidr) {
        return cidr.substring(cidr.indexOf('/'));
    }

    private static Optional<Long> parseVni(String text) {
        if (!text.matches("\\d{1,8}")) {
            return Optional.empty();
        }
        long vni = Long.parseLong(text);
        return vni >= 1 && vni < (1L << 24) ? Optional.of(vni) : Optional.empty();
    }

    static Set<org.diminet.dataplane.linux.RouteTarget> targets(Set<RouteTarget> targets) {
        return targets.stream().map(t -> org.diminet.dataplane.linux.RouteTarget.of(t.value())).collect(Collectors.toSet());
    }

}
