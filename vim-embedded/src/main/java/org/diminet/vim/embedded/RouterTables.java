package org.diminet.vim.embedded;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The L3 part of a site's {@link SiteState}: its routers and which networks are {@code router:external}.
 * Neutron keeps both in tables of their own beside the core resources (routers, externalnetworks), and so
 * does this: the core tables need not know about them, and a change of either is logged as what it touched,
 * like the core resources. Not thread-safe: used under {@link SiteStore}'s lock only.
 */
final class RouterTables {

    private final Map<String, RouterView> routers = new LinkedHashMap<>();
    private final Set<String> external = new LinkedHashSet<>();
    /** While a change is tracked: each touched router as it was before (empty: it did not exist); else null. */
    private Map<String, Optional<RouterView>> routersBefore;
    /** While a change is tracked: each network whose flag was touched, with the flag before; else null. */
    private Map<String, Boolean> externalBefore;

    /** What a change did: each touched router as it is now (empty: removed), each touched network's flag now. */
    record Change(Map<String, Optional<RouterView>> routers, Map<String, Boolean> externalNetworks) {
        static final Change NONE = new Change(Map.of(), Map.of());

        boolean isEmpty() {
            return routers.isEmpty() && externalNetworks.isEmpty();
        }
    }

    /** Everything, in creation order. */
    record Contents(List<RouterView> routers, List<String> externalNetworks) {
        static final Contents NONE = new Contents(List.of(), List.of());

        Contents {
            routers = routers == null ? List.of() : List.copyOf(routers);
            externalNetworks = externalNetworks == null ? List.of() : List.copyOf(externalNetworks);
        }
    }

    Contents contents() {
        return new Contents(List.copyOf(routers.values()), List.copyOf(external));
    }

    void restore(Contents contents) {
        routers.clear();
        external.clear();
        contents.routers().forEach(r -> routers.put(r.id(), r));
        external.addAll(contents.externalNetworks());
    }

    void beginChange() {
        routersBefore = new LinkedHashMap<>();
        externalBefore = new LinkedHashMap<>();
    }

    Change changed() {
        Map<String, Optional<RouterView>> routersNow = new LinkedHashMap<>();
        routersBefore.keySet().forEach(id -> routersNow.put(id, Optional.ofNullable(routers.get(id))));
        Map<String, Boolean> externalNow = new LinkedHashMap<>();
        externalBefore.keySet().forEach(id -> externalNow.put(id, external.contains(id)));
        return new Change(routersNow, externalNow);
    }

    void endChange() {
        routersBefore = null;
        externalBefore = null;
    }

    void undoChange() {
        routersBefore.forEach((id, value) -> value.ifPresentOrElse(r -> routers.put(id, r), () -> routers.remove(id)));
        externalBefore.forEach(this::put);
        endChange();
    }

    void apply(Change change) {
        change.routers().forEach((id, value) -> value.ifPresentOrElse(r -> routers.put(id, r), () -> routers.remove(id)));
        change.externalNetworks().forEach(this::put);
    }

    private void put(String networkId, boolean isExternal) {
        if (isExternal) {
            external.add(networkId);
        } else {
            external.remove(networkId);
        }
    }

    // --- reading -----------------------------------------------------------------------------------

    Collection<RouterView> routers() {
        return Collections.unmodifiableCollection(routers.values());
    }

    Optional<RouterView> findRouter(String id) {
        return Optional.ofNullable(id == null ? null : routers.get(id));
    }

    /** @throws EmbeddedVimException 404 {@code RouterNotFound} */
    RouterView requireRouter(String id) {
        return findRouter(id).orElseThrow(() -> EmbeddedVimException.notFound("RouterNotFound",
                "Router " + id + " could not be found"));
    }

    boolean isExternal(String networkId) {
        return external.contains(networkId);
    }

    Set<String> externalNetworks() {
        return Collections.unmodifiableSet(external);
    }

    // --- changing ----------------------------------------------------------------------------------

    RouterView putRouter(RouterView router) {
        if (routersBefore != null) {
            routersBefore.putIfAbsent(router.id(), Optional.ofNullable(routers.get(router.id())));
        }
        routers.put(router.id(), router);
        return router;
    }

    void removeRouter(String id) {
        if (routersBefore != null) {
            routersBefore.putIfAbsent(id, Optional.ofNullable(routers.get(id)));
        }
        routers.remove(id);
    }

    /** Marks a network external or not; a removed network must be unmarked, so no flag outlives its network. */
    void setExternal(String networkId, boolean isExternal) {
        if (isExternal(networkId) == isExternal) {
            return;
        }
        if (externalBefore != null) {
            externalBefore.putIfAbsent(networkId, isExternal(networkId));
        }
        put(networkId, isExternal);
    }
}
