package org.diminet.dataplane.linux;

import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The EVPN configuration of one layer-2 VNI in a site's bgpd ({@code vni N} under
 * {@code address-family l2vpn evpn}).
 *
 * @param vni     the VXLAN network identifier
 * @param rd      the route distinguisher; empty for FRR's automatic one (router id : number)
 * @param imports route targets whose routes are imported; empty for FRR's automatic one (AS:VNI), which
 *                differs between sites with different ASes, so set them explicitly
 * @param exports route targets attached to this site's routes; empty for the automatic one
 */
public record L2Vni(long vni, Optional<RouteDistinguisher> rd, Set<RouteTarget> imports, Set<RouteTarget> exports) {
    public L2Vni {
        Vni.check(vni);
        imports = sorted(imports);
        exports = sorted(exports);
    }

    public static L2Vni of(long vni, RouteDistinguisher rd, Collection<RouteTarget> imports,
                           Collection<RouteTarget> exports) {
        return new L2Vni(vni, Optional.of(rd), Set.copyOf(imports), Set.copyOf(exports));
    }

    /** The same VNI importing {@code newImports} instead. */
    public L2Vni withImports(Collection<RouteTarget> newImports) {
        return new L2Vni(vni, rd, Set.copyOf(newImports), exports);
    }

    private static Set<RouteTarget> sorted(Set<RouteTarget> targets) {
        TreeSet<RouteTarget> set = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        set.addAll(targets);
        return Collections.unmodifiableSortedSet(set);
    }
}
