package org.diminet.dataplane.linux;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * BGP EVPN in one site's FRR, configured and read through {@code vtysh}: eBGP to the other sites,
 * {@code advertise-all-vni}, and per layer-2 VNI its route distinguisher and route targets. Every change
 * reads the running configuration first and sends only the difference, so repeating a call is harmless
 * and removing what is gone is not an error.
 *
 * <p>A VNI is advertised when both its {@link LinuxNetwork#ensureVxlan VXLAN device} exists in the
 * namespace (zebra finds it) and this configuration names it (with explicit route targets); routes of
 * other sites are imported when one of their route targets is among the VNI's imports, and zebra then
 * installs their MACs ({@code extern_learn}) and flood entries in the VXLAN device's forwarding database.
 *
 * <p>Layer 3 ({@link #ensureL3Vni}): an FRR that routes for one service (in a router namespace per service
 * and site, since this kernel has no VRF) gets zebra's top-level {@code vni} (its L3 VNI in the default
 * table), originates its subnets ({@code network}) and advertises them as type-5 routes
 * ({@code advertise ipv4 unicast}) with the route targets of its {@code l2vpn evpn} family; zebra installs
 * imported prefixes as {@code via VTEP dev L3-bridge onlink}. A site's FRR lets such routers peer with it
 * ({@link #acceptRouters}) and passes their routes on to the other sites unchanged (EVPN keeps the next hop).
 */
public final class BgpEvpn {
    /** The extended-community list of the route targets an L3 VNI imports (see {@link #ensureL3Vni}). */
    public static final String L3_IMPORT_LIST = "l3imports";
    /** The inbound route map that lets in only routes with a route target of {@link #L3_IMPORT_LIST}. */
    public static final String L3_IMPORT_MAP = "l3in";
    private final FrrInstance frr;

    public BgpEvpn(FrrInstance frr) {
        this.frr = Objects.requireNonNull(frr, "frr");
    }

    public FrrInstance frr() {
        return frr;
    }

    // ---------------------------------------------------------------- configuration

    /**
     * Configures the site's BGP speaker: {@code router bgp ASN} with the router id, timers,
     * {@code no bgp ebgp-requires-policy}, {@code no bgp default ipv4-unicast}, exactly the given neighbors
     * (others are removed), each activated under {@code address-family l2vpn evpn}, and
     * {@code advertise-all-vni}. A router with another AS is removed first, with all its VNIs.
     */
    public void configureRouter(BgpRouter router) {
        BgpConfig current = config();
        if (current.asn().isPresent() && current.asn().getAsLong() != router.asn()) {
            frr.configure(List.of("no router bgp " + current.asn().getAsLong()));
            current = config();
        }
        Set<String> wanted = router.neighbors().stream().map(BgpNeighbor::address).collect(Collectors.toSet());
        List<String> lines = new ArrayList<>();
        lines.add("router bgp " + router.asn());
        lines.add("bgp router-id " + router.routerId());
        lines.add("no bgp ebgp-requires-policy");
        lines.add("no bgp default ipv4-unicast");
        lines.add("timers bgp " + router.keepalive().toSeconds() + " " + router.hold().toSeconds());
        for (String address : current.neighbors().keySet()) {
            if (!wanted.contains(address)) {
                lines.add("no neighbor " + address);
            }
        }
        for (BgpNeighbor neighbor : router.neighbors()) {
            lines.add("neighbor " + neighbor.address() + " remote-as " + neighbor.remoteAsText());
            lines.add("neighbor " + neighbor.address() + " timers connect " + router.connectRetry().toSeconds());
            lines.add((neighbor.connectedCheck() ? "no " : "") + "neighbor " + neighbor.address()
                    + " disable-connected-check");
        }
        lines.add("address-family l2vpn evpn");
        for (BgpNeighbor neighbor : router.neighbors()) {
            lines.add("neighbor " + neighbor.address() + " activate");
        }
        lines.add("advertise-all-vni");
        lines.add("exit-address-family");
        frr.configure(lines);
    }

    /** Removes the BGP speaker and with it every VNI's configuration. */
    public void removeRouter() {
        OptionalLong asn = config().asn();
        if (asn.isPresent()) {
            frr.configure(List.of("no router bgp " + asn.getAsLong()));
        }
    }

    /**
     * Makes the VNI's configuration exactly {@code vni}: route distinguisher and both route-target sets.
     * New route targets are added before old ones are removed, so the VNI never falls back to automatic
     * ones in between.
     *
     * @throws IllegalStateException when no BGP speaker is configured
     */
    public void ensureL2Vni(L2Vni vni) {
        BgpConfig current = config();
        long asn = requireRouter(current);
        L2Vni existing = current.vnis().get(vni.vni());
        List<String> lines = new ArrayList<>(List.of("router bgp " + asn, "address-family l2vpn evpn",
                "vni " + vni.vni()));
        Optional<RouteDistinguisher> oldRd = existing == null ? Optional.empty() : existing.rd();
        if (!oldRd.equals(vni.rd())) {
            lines.add(vni.rd().map(rd -> "rd " + rd).orElseGet(() -> "no rd " + oldRd.get()));
        }
        Set<RouteTarget> oldImports = existing == null ? Set.of() : existing.imports();
        Set<RouteTarget> oldExports = existing == null ? Set.of() : existing.exports();
        vni.imports().stream().filter(t -> !oldImports.contains(t)).forEach(t -> lines.add("route-target import " + t));
        vni.exports().stream().filter(t -> !oldExports.contains(t)).forEach(t -> lines.add("route-target export " + t));
        oldImports.stream().filter(t -> !vni.imports().contains(t)).forEach(t -> lines.add("no route-target import " + t));
        oldExports.stream().filter(t -> !vni.exports().contains(t)).forEach(t -> lines.add("no route-target export " + t));
        lines.add("exit-vni");
        frr.configure(lines);
    }

    /**
     * Replaces the imports of a configured VNI, keeping its distinguisher and exports.
     *
     * @throws IllegalStateException when the VNI is not configured
     */
    public void replaceImports(long vni, Collection<RouteTarget> imports) {
        L2Vni existing = configuredVnis().get(vni);
        if (existing == null) {
            throw new IllegalStateException("VNI " + vni + " is not configured in " + frr.namespace());
        }
        ensureL2Vni(existing.withImports(imports));
    }

    /** Removes a VNI's configuration; the site stops advertising it (if its VXLAN device remains, FRR falls back to automatic values). */
    public void removeL2Vni(long vni) {
        BgpConfig current = config();
        if (current.asn().isPresent() && current.vnis().containsKey(vni)) {
            frr.configure(List.of("router bgp " + current.asn().getAsLong(), "address-family l2vpn evpn",
                    "no vni " + vni));
        }
    }

    /**
     * Lets BGP speakers from {@code range} (e.g. this site's router namespaces, {@code 10.254.1.0/24}) open
     * sessions to this one: a peer group {@code group} with {@code remote-as external}, without the connected
     * check (they reach us through an on-link route), activated for EVPN, and {@code bgp listen range}. Their
     * routes are passed on to the other sites like any other; what they import is up to their route targets.
     *
     * @throws IllegalStateException when no BGP speaker is configured
     */
    public void acceptRouters(String range, String group) {
        Addresses.cidr("listen range", range);
        Addresses.id("peer group", group);
        BgpConfig current = config();
        long asn = requireRouter(current);
        List<String> lines = new ArrayList<>(List.of("router bgp " + asn));
        if (!current.peerGroups().contains(group)) {
            lines.add("neighbor " + group + " peer-group");
        }
        lines.add("neighbor " + group + " remote-as external");
        lines.add("neighbor " + group + " disable-connected-check");
        if (!group.equals(current.listenRanges().get(range))) {
            if (current.listenRanges().containsKey(range)) {
                lines.add("no bgp listen range " + range + " peer-group " + current.listenRanges().get(range));
            }
            lines.add("bgp listen range " + range + " peer-group " + group);
        }
        lines.add("address-family l2vpn evpn");
        lines.add("neighbor " + group + " activate");
        lines.add("exit-address-family");
        frr.configure(lines);
    }

    /**
     * Makes this FRR's layer-3 configuration exactly {@code l3}: zebra's L3 VNI, the originated prefixes,
     * {@code advertise ipv4 unicast}, the distinguisher, the exports and the imports. One L3 VNI per FRR: the
     * default table is its only routing table.
     *
     * <p>Imports are not the VRF's {@code route-target import}s: FRR 8.4 answers any change of those by
     * uninstalling and reinstalling every imported route at once, and zebra then loses the router MACs of
     * the routes it keeps (their kernel routes stay, their packets go nowhere). So the VRF imports one fixed
     * target, {@link L3Vni#vniTarget} (which the exports include), and the chosen imports are a filter: the
     * extended-community list {@value #L3_IMPORT_LIST} matched by the inbound route map
     * {@value #L3_IMPORT_MAP} on every neighbor. A change of the filter is applied route by route by a soft
     * inbound reset ({@code clear bgp l2vpn evpn * soft in}), which withdraws or imports only the routes
     * concerned. Call {@link #configureRouter} first, so that the neighbors get the route map.
     *
     * @throws IllegalStateException when no BGP speaker is configured
     */
    public void ensureL3Vni(L3Vni l3) {
        BgpConfig current = config();
        long asn = requireRouter(current);
        RouteTarget own = L3Vni.vniTarget(l3.vni());
        Set<RouteTarget> exports = new HashSet<>(l3.exports());
        exports.add(own);
        Set<RouteTarget> filter = current.extcommunityLists().getOrDefault(L3_IMPORT_LIST, Set.of());
        List<String> lines = new ArrayList<>();
        if (current.l3Vni().isPresent() && current.l3Vni().getAsLong() != l3.vni()) {
            lines.add("no vni " + current.l3Vni().getAsLong());
        }
        if (current.l3Vni().isEmpty() || current.l3Vni().getAsLong() != l3.vni()) {
            lines.add("vni " + l3.vni());
        }
        l3.imports().stream().filter(t -> !filter.contains(t))
                .forEach(t -> lines.add("bgp extcommunity-list standard " + L3_IMPORT_LIST + " permit rt " + t));
        filter.stream().filter(t -> !l3.imports().contains(t))
                .forEach(t -> lines.add("no bgp extcommunity-list standard " + L3_IMPORT_LIST + " permit rt " + t));
        if (!current.routeMaps().contains(L3_IMPORT_MAP)) {
            lines.addAll(List.of("route-map " + L3_IMPORT_MAP + " permit 10",
                    "match extcommunity " + L3_IMPORT_LIST, "exit"));
        }
        lines.add("router bgp " + asn);
        lines.add("address-family ipv4 unicast");
        l3.prefixes().stream().filter(p -> !current.networks().contains(p)).forEach(p -> lines.add("network " + p));
        current.networks().stream().filter(p -> !l3.prefixes().contains(p)).forEach(p -> lines.add("no network " + p));
        lines.add("exit-address-family");
        lines.add("address-family l2vpn evpn");
        boolean filterChanged = !filter.equals(l3.imports());
        for (String neighbor : current.neighbors().keySet()) {
            if (!L3_IMPORT_MAP.equals(current.evpnInboundRouteMaps().get(neighbor))) {
                lines.add("neighbor " + neighbor + " route-map " + L3_IMPORT_MAP + " in");
                filterChanged = true; // routes received before are filtered by the reset below
            }
        }
        if (!current.advertiseIpv4()) {
            lines.add("advertise ipv4 unicast");
        }
        if (!current.evpnRd().equals(l3.rd())) {
            lines.add(l3.rd().map(rd -> "rd " + rd).orElseGet(() -> "no rd " + current.evpnRd().get()));
        }
        if (!current.evpnImports().contains(own)) {
            lines.add("route-target import " + own);
        }
        current.evpnImports().stream().filter(t -> !t.equals(own)).forEach(t -> lines.add("no route-target import " + t));
        exports.stream().filter(t -> !current.evpnExports().contains(t)).forEach(t -> lines.add("route-target export " + t));
        current.evpnExports().stream().filter(t -> !exports.contains(t)).forEach(t -> lines.add("no route-target export " + t));
        lines.add("exit-address-family");
        if (filterChanged && !current.neighbors().isEmpty()) {
            lines.add("end");
            lines.add("clear bgp l2vpn evpn * soft in");
        }
        frr.configure(lines);
    }

    /**
     * Replaces the imports of the layer-3 configuration, keeping the rest.
     *
     * @throws IllegalStateException when no L3 VNI is configured
     */
    public void replaceL3Imports(Collection<RouteTarget> imports) {
        L3Vni existing = l3Vni().orElseThrow(() -> new IllegalStateException("no L3 VNI is configured in "
                + frr.namespace()));
        ensureL3Vni(existing.withImports(imports));
    }

    /** The layer-3 configuration, if zebra has an L3 VNI. */
    public Optional<L3Vni> l3Vni() {
        return config().l3();
    }

    /** The configured AS, if a BGP speaker is configured. */
    public OptionalLong asn() {
        return config().asn();
    }

    /** The VNIs configured under {@code address-family l2vpn evpn}, by VNI. */
    public Map<Long, L2Vni> configuredVnis() {
        return config().vnis();
    }

    // ---------------------------------------------------------------- state

    /** The state of every configured neighbor's session. */
    public List<BgpNeighborStatus> neighbors() {
        JsonNode summary = frr.showJson("show bgp l2vpn evpn summary json");
        List<BgpNeighborStatus> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> peer : summary.path("peers").properties()) {
            JsonNode p = peer.getValue();
            result.add(new BgpNeighborStatus(peer.getKey(), p.path("remoteAs").asLong(0),
                    p.path("state").asText(""), Duration.ofMillis(p.path("peerUptimeMsec").asLong(0)),
                    p.path("pfxRcd").asLong(0)));
        }
        return result;
    }

    /**
     * Waits until the sessions with all of {@code addresses} are established.
     *
     * @return their states once established
     * @throws FrrException when they are not within {@code within}; the message gives the last states
     */
    public List<BgpNeighborStatus> awaitEstablished(Collection<String> addresses, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            List<BgpNeighborStatus> states = neighbors();
            List<BgpNeighborStatus> ours = states.stream().filter(s -> addresses.contains(s.address())).toList();
            if (ours.size() == Set.copyOf(addresses).size() && ours.stream().allMatch(BgpNeighborStatus::established)) {
                return ours;
            }
            if (System.nanoTime() > deadline) {
                throw new FrrException("BGP sessions of " + frr.namespace() + " with " + addresses
                        + " not established within " + within.toMillis() + " ms: " + states);
            }
            FrrInstance.sleep(Duration.ofMillis(50));
        }
    }

    /** The VNIs zebra knows (it sees their VXLAN devices), with their remote VTEPs. */
    public List<EvpnVniStatus> vnis() {
        JsonNode all = frr.showJson("show evpn vni json");
        List<EvpnVniStatus> result = new ArrayList<>();
        for (JsonNode v : all) {
            if (!v.has("vni")) {
                continue;
            }
            List<String> vteps = new ArrayList<>();
            v.path("remoteVteps").forEach(r -> vteps.add(r.isObject() ? r.path("ip").asText() : r.asText()));
            result.add(new EvpnVniStatus(v.path("vni").asLong(), v.path("type").asText(""),
                    v.path("vxlanIf").asText(""), v.path("numMacs").asInt(0), vteps));
        }
        return result;
    }

    /** Every path of every EVPN route in bgpd's table, local and received. */
    public List<EvpnRoute> routes() {
        JsonNode table = frr.showJson("show bgp l2vpn evpn route json");
        List<EvpnRoute> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> rd : table.properties()) {
            if (!rd.getValue().isObject()) {
                continue; // numPrefix, numPaths
            }
            for (Map.Entry<String, JsonNode> prefix : rd.getValue().properties()) {
                if (!prefix.getValue().isObject()) {
                    continue; // "rd"
                }
                for (JsonNode path : flatten(prefix.getValue().path("paths"))) {
                    result.add(route(rd.getKey(), prefix.getKey(), path));
                }
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- helpers

    private BgpConfig config() {
        return BgpConfig.parse(frr.show("show running-config"));
    }

    private long requireRouter(BgpConfig config) {
        if (config.asn().isEmpty()) {
            throw new IllegalStateException("no BGP speaker configured in " + frr.namespace()
                    + "; call configureRouter first");
        }
        return config.asn().getAsLong();
    }

    private static List<JsonNode> flatten(JsonNode paths) {
        List<JsonNode> flat = new ArrayList<>();
        for (JsonNode p : paths) {
            if (p.isArray()) {
                p.forEach(flat::add);
            } else {
                flat.add(p);
            }
        }
        return flat;
    }

    private static EvpnRoute route(String rd, String prefix, JsonNode path) {
        List<RouteTarget> targets = new ArrayList<>();
        for (String word : path.path("extendedCommunity").path("string").asText("").split("\\s+")) {
            if (word.startsWith("RT:")) {
                targets.add(RouteTarget.of(word.substring(3)));
            }
        }
        String nextHop = path.path("nexthops").path(0).path("ip").asText("");
        return new EvpnRoute(rd, path.path("routeType").asInt(0), prefix, path.path("mac").asText(""),
                path.path("ip").asText(""), nextHop, targets, "(unspec)".equals(path.path("peerId").asText()),
                path.path("bestpath").asBoolean(false));
    }
}
