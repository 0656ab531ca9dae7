package org.diminet.server.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code peers} component of {@code /actuator/health}: each peer as last probed. An unreachable
 * peer makes it DEGRADED, which application.properties orders between DOWN and UP and maps to 200: a
 * site cut off from the others still serves its part, so a probe must not restart or unroute it.
 */
@Component
class PeersHealthIndicator implements HealthIndicator {
    static final Status DEGRADED = new Status(SiteHealth.DEGRADED, "a peer did not answer its last probe");

    private final SiteHealth site;

    PeersHealthIndicator(SiteHealth site) {
        this.site = site;
    }

    @Override
    public Health health() {
        List<SiteHealth.Peer> peers = site.peers();
        Health.Builder health = SiteHealth.peersStatus(peers).equals(SiteHealth.UP) ? Health.up() : Health.status(DEGRADED);
        for (SiteHealth.Peer peer : peers) {
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("reachable", peer.reachable());
            seen.put("round_trip_ms", peer.roundTripMs());
            seen.put("checked_at", String.valueOf(peer.checkedAt()));
            seen.put("error", peer.error());
            health.withDetail(peer.region(), seen);
        }
        return health.build();
    }
}
