package org.diminet.dataplane.linux;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The parts of FRR's running configuration this module manages, read back from
 * {@code show running-config}: the default-VRF {@code router bgp}, its neighbors (by address; peer groups
 * apart), its EVPN VNIs, and for layer 3 zebra's top-level {@code vni}, the originated {@code network}s and
 * the router-level EVPN distinguisher and route targets. The running configuration says what was
 * configured, unlike the {@code show … json} commands, which mix in automatic values.
 *
 * @param l3Vni        zebra's top-level {@code vni N} (the default VRF's L3 VNI), if any
 * @param networks     {@code network} prefixes under {@code address-family ipv4 unicast}
 * @param advertiseIpv4 whether {@code advertise ipv4 unicast} is set under {@code address-family l2vpn evpn}
 * @param evpnRd       the router-level {@code rd} under {@code address-family l2vpn evpn}
 * @param evpnImports  the router-level {@code route-target import}s (those of the type-5 routes)
 * @param evpnExports  the router-level {@code route-target export}s
 * @param peerGroups   the peer groups ({@code neighbor G peer-group})
 * @param listenRanges {@code bgp listen range R peer-group G}: group by range
 * @param extcommunityLists the route targets each standard {@code bgp extcommunity-list} permits, by name
 * @param routeMaps    the names of the route maps
 * @param evpnInboundRouteMaps {@code neighbor X route-map M in} under {@code address-family l2vpn evpn}: M by X
 */
record BgpConfig(OptionalLong asn, Map<String, String> neighbors, boolean advertiseAllVni, Map<Long, L2Vni> vnis,
                 OptionalLong l3Vni, Set<String> networks, boolean advertiseIpv4, Optional<RouteDistinguisher> evpnRd,
                 Set<RouteTarget> evpnImports, Set<RouteTarget> evpnExports, Set<String> peerGroups,
                 Map<String, String> listenRanges, Map<String, Set<RouteTarget>> extcommunityLists,
                 Set<String> routeMaps, Map<String, String> evpnInboundRouteMaps) {

    /**
     * The layer-3 configuration, when zebra has an L3 VNI: its imports are those of the filter
     * {@link BgpEvpn#L3_IMPORT_LIST}, its exports those of the router without {@link L3Vni#vniTarget}.
     */
    Optional<L3Vni> l3() {
        if (l3Vni.isEmpty()) {
            return Optional.empty();
        }
        RouteTarget own = L3Vni.vniTarget(l3Vni.getAsLong());
        Set<RouteTarget> exports = evpnExports.stream().filter(t -> !t.equals(own)).collect(Collectors.toSet());
        return Optional.of(new L3Vni(l3Vni.getAsLong(), evpnRd, networks,
                extcommunityLists.getOrDefault(BgpEvpn.L3_IMPORT_LIST, Set.of()), exports));
    }

    static BgpConfig parse(String runningConfig) {
        OptionalLong asn = OptionalLong.empty();
        OptionalLong l3Vni = OptionalLong.empty();
        Map<String, String> neighbors = new LinkedHashMap<>();
        Map<Long, L2Vni> vnis = new TreeMap<>();
        Set<String> networks = new TreeSet<>();
        Set<String> peerGroups = new TreeSet<>();
        Map<String, String> listenRanges = new TreeMap<>();
        Map<String, Set<RouteTarget>> extcommunityLists = new TreeMap<>();
        Set<String> routeMaps = new TreeSet<>();
        Map<String, String> inboundRouteMaps = new TreeMap<>();
        Optional<RouteDistinguisher> evpnRd = Optional.empty();
        List<RouteTarget> evpnImports = new ArrayList<>();
        List<RouteTarget> evpnExports = new ArrayList<>();
        boolean advertiseAll = false;
        boolean advertiseIpv4 = false;
        boolean inRouter = false;
        boolean inEvpn = false;
        boolean inIpv4 = false;
        VniBuilder vni = null;
        for (String raw : runningConfig.lines().toList()) {
            String line = raw.strip();
            boolean topLevel = !raw.isEmpty() && !Character.isWhitespace(raw.charAt(0));
            if (topLevel) {
                inRouter = false;
                inEvpn = false;
                inIpv4 = false;
                vni = null;
                String[] words = line.split("\\s+");
                if (words.length == 3 && words[0].equals("router") && words[1].equals("bgp")) {
                    inRouter = true;
                    asn = OptionalLong.of(Long.parseLong(words[2]));
                } else if (words.length == 2 && words[0].equals("vni")) {
                    l3Vni = OptionalLong.of(Long.parseLong(words[1]));
                } else if (words.length >= 4 && line.startsWith("bgp extcommunity-list standard ")) {
                    Set<RouteTarget> permitted = extcommunityLists.computeIfAbsent(words[3], n -> new TreeSet<>(
                            (a, b) -> a.value().compareTo(b.value())));
                    // bgp extcommunity-list standard NAME [seq N] permit rt X
                    int permit = List.of(words).indexOf("permit");
                    if (permit > 0 && words.length == permit + 3 && words[permit + 1].equals("rt")) {
                        permitted.add(RouteTarget.of(words[permit + 2]));
                    }
                } else if (words.length == 4 && words[0].equals("route-map")) {
                    routeMaps.add(words[1]);
                }
                continue;
            }
            if (!inRouter) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (inIpv4) {
                if (line.equals("exit-address-family")) {
                    inIpv4 = false;
                } else if (words.length == 2 && words[0].equals("network")) {
                    networks.add(words[1]);
                }
                continue;
            }
            if (!inEvpn) {
                if (words.length == 4 && words[0].equals("neighbor") && words[2].equals("remote-as")
                        && isAddress(words[1])) {
                    neighbors.put(words[1], words[3]);
                } else if (words.length == 3 && words[0].equals("neighbor") && words[2].equals("peer-group")) {
                    peerGroups.add(words[1]);
                } else if (words.length == 6 && line.startsWith("bgp listen range ") && words[4].equals("peer-group")) {
                    listenRanges.put(words[3], words[5]);
                } else if (line.equals("address-family l2vpn evpn")) {
                    inEvpn = true;
                } else if (line.equals("address-family ipv4 unicast")) {
                    inIpv4 = true;
                }
                continue;
            }
            if (vni == null) {
                if (line.equals("exit-address-family")) {
                    inEvpn = false;
                } else if (line.equals("advertise-all-vni")) {
                    advertiseAll = true;
                } else if (line.equals("advertise ipv4 unicast")) {
                    advertiseIpv4 = true;
                } else if (words.length == 2 && words[0].equals("vni")) {
                    vni = new VniBuilder(Long.parseLong(words[1]));
                } else if (words.length == 2 && words[0].equals("rd")) {
                    evpnRd = Optional.of(RouteDistinguisher.of(words[1]));
                } else if (words.length == 3 && words[0].equals("route-target")) {
                    addTarget(words, evpnImports, evpnExports);
                } else if (words.length == 5 && words[0].equals("neighbor") && words[2].equals("route-map")
                        && words[4].equals("in")) {
                    inboundRouteMaps.put(words[1], words[3]);
                }
                continue;
            }
            if (line.equals("exit-vni")) {
                vnis.put(vni.vni, vni.build());
                vni = null;
            } else if (words.length == 2 && words[0].equals("rd")) {
                vni.rd = Optional.of(RouteDistinguisher.of(words[1]));
            } else if (words.length == 3 && words[0].equals("route-target")) {
                addTarget(words, vni.imports, vni.exports);
            }
        }
        return new BgpConfig(asn, Collections.unmodifiableMap(neighbors), advertiseAll,
                Collections.unmodifiableMap(vnis), l3Vni, Collections.unmodifiableSet(networks), advertiseIpv4,
                evpnRd, Set.copyOf(evpnImports), Set.copyOf(evpnExports), Collections.unmodifiableSet(peerGroups),
                Collections.unmodifiableMap(listenRanges), Collections.unmodifiableMap(extcommunityLists),
                Collections.unmodifiableSet(routeMaps), Collections.unmodifiableMap(inboundRouteMaps));
    }

    private static boolean isAddress(String word) {
        return Addresses.isIpv4(word) || word.contains(":");
    }

    /** {@code route-target import|export|both RT}. */
    private static void addTarget(String[] words, List<RouteTarget> imports, List<RouteTarget> exports) {
        RouteTarget target = RouteTarget.of(words[2]);
        if (!words[1].equals("export")) {
            imports.add(target);
        }
        if (!words[1].equals("import")) {
            exports.add(target);
        }
    }

    private static final class VniBuilder {
        final long vni;
        Optional<RouteDistinguisher> rd = Optional.empty();
        final List<RouteTarget> imports = new ArrayList<>();
        final List<RouteTarget> exports = new ArrayList<>();

        VniBuilder(long vni) {
            this.vni = vni;
        }

        L2Vni build() {
            return new L2Vni(vni, rd, Set.copyOf(imports), Set.copyOf(exports));
        }
    }
}
