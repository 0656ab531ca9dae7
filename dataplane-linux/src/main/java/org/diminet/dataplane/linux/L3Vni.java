package org.diminet.dataplane.linux;

import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The EVPN layer-3 configuration of an FRR that routes for one service (symmetric IRB in the default
 * table, as this kernel has no VRF): zebra's top-level {@code vni N} (the L3 VNI), the prefixes bgpd
 * originates ({@code network} under {@code address-family ipv4 unicast}) and, under
 * {@code address-family l2vpn evpn}, {@code advertise ipv4 unicast} with the route distinguisher and route
 * targets of the type-5 routes.
 *
 * @param vni      the L3 VNI
 * @param rd       the route distinguisher of the type-5 routes; empty for FRR's automatic one
 * @param prefixes the local subnets to advertise, e.g. {@code 10.91.1.0/24}
 * @param imports  route targets whose type-5 routes are installed
 * @param exports  route targets attached to the local prefixes
 */
public record L3Vni(long vni, Optional<RouteDistinguisher> rd, Set<String> prefixes, Set<RouteTarget> imports,
                    Set<RouteTarget> exports) {
    public L3Vni {
        Vni.check(vni);
        prefixes.forEach(p -> Addresses.cidr("advertised prefix", p));
        prefixes = Collections.unmodifiableSortedSet(new TreeSet<>(prefixes));
        imports = sorted(imports);
        exports = sorted(exports);
    }

    /** The private AS of {@link #vniTarget} route targets. */
    public static final long VNI_TARGET_ASN = 64999;

    /**
     * The route target every router of L3 VNI {@code vni} exports besides its own and imports as its only
     * VRF-level import ({@code 64999:VNI}); which sites' routes enter is then up to an inbound filter on
     * the chosen {@link #imports()} (see {@link BgpEvpn#ensureL3Vni}).
     */
    public static RouteTarget vniTarget(long vni) {
        return RouteTarget.of(VNI_TARGET_ASN + ":" + Vni.check(vni));
    }

    /** The same configuration importing {@code newImports} instead. */
    public L3Vni withImports(Collection<RouteTarget> newImports) {
        return new L3Vni(vni, rd, prefixes, Set.copyOf(newImports), exports);
    }

    private static Set<RouteTarget> sorted(Set<RouteTarget> targets) {
        TreeSet<RouteTarget> set = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        set.addAll(targets);
        return Collections.unmodifiableSortedSet(set);
    }
}
