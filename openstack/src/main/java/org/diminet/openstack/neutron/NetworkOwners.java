package org.diminet.openstack.neutron;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.diminet.core.domain.NetworkId;

/**
 * The project of each network this site's Neutron adapter has read lately. Neutron never changes a
 * network's {@code project_id} and never reuses a network id, so what was read stays true: the BGPVPN
 * driver, which must create its objects in the network's project, learns it here instead of reading
 * the network a second time on every create's critical path. Bounded: the least recently used go first.
 */
public final class NetworkOwners {
    private static final int REMEMBERED = 4_096;

    private final Map<NetworkId, String> owners = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NetworkId, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    public synchronized void remember(NetworkId network, String project) {
        owners.put(network, project);
    }

    public synchronized Optional<String> projectOf(NetworkId network) {
        return Optional.ofNullable(owners.get(network));
    }
}
