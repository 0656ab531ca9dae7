package org.diminet.vim.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.diminet.vim.embedded.Snapshot.NetworkState;
import org.diminet.vim.embedded.Snapshot.PortState;
import org.diminet.vim.embedded.Snapshot.RouterState;
import org.diminet.vim.embedded.Snapshot.SubnetState;

/**
 * One line of a site's change log: every resource one change touched, as it is after the change, or null
 * for one it removed. The same plain-string records as the {@link Snapshot}, so the log and the snapshot
 * read back the same way; every entry names its project (logs began after resources had owners). Lines written
 * before routers existed have no {@code routers} and no {@code externalNetworks}.
 */
record LoggedChange(Map<String, NetworkState> networks, Map<String, SubnetState> subnets, Map<String, PortState> ports,
                    Map<String, RouterState> routers, Map<String, Boolean> externalNetworks) {

    static LoggedChange of(SiteState.Change change) {
        return new LoggedChange(states(change.networks(), Snapshot::networkState),
                states(change.subnets(), Snapshot::subnetState), states(change.ports(), Snapshot::portState),
                states(change.l3().routers(), Snapshot::routerState), change.l3().externalNetworks());
    }

    SiteState.Change change() {
        return new SiteState.Change(views(networks, (n, unused) -> Snapshot.networkView(n, n.project())),
                views(subnets, (s, unused) -> Snapshot.subnetView(s, s.project())),
                views(ports, (p, unused) -> Snapshot.portView(p, p.project())),
                new RouterTables.Change(views(routers, (r, unused) -> Snapshot.routerView(r)),
                        externalNetworks == null ? Map.of() : externalNetworks));
    }

    private static <V, S> Map<String, S> states(Map<String, Optional<V>> values, Function<V, S> toState) {
        Map<String, S> states = new LinkedHashMap<>(); // null values: a Map.of would refuse them
        values.forEach((id, value) -> states.put(id, value.map(toState).orElse(null)));
        return states;
    }

    private static <S, V> Map<String, Optional<V>> views(Map<String, S> states, BiFunction<S, String, V> toView) {
        Map<String, Optional<V>> views = new LinkedHashMap<>();
        if (states != null) {
            states.forEach((id, state) -> views.put(id, Optional.ofNullable(state).map(s -> toView.apply(s, id))));
        }
        return views;
    }
}
