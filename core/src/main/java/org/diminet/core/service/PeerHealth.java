package org.diminet.core.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.diminet.core.domain.Region;

/**
 * What this site last saw of each peer: whether it answered, how fast, and when. A peer that answers
 * again after it did not is reported to a listener (the reconciler), which retries at once what waits
 * for that site instead of waiting for the next back-off.
 */
public final class PeerHealth {

    /** One peer as last probed. */
    public record Seen(Region region, boolean reachable, Optional<Duration> roundTrip, Instant at,
                       Optional<String> error) {
    }

    private final SiteContext site;
    private final Map<Region, Seen> seen = new ConcurrentHashMap<>();

    public PeerHealth(SiteContext site) {
        this.site = site;
    }

    /** Probes every known peer once, in parallel; calls {@code cameBack} for each that answers again. */
    public void probeAll(Consumer<Region> cameBack) {
        site.fanout().call(site.peers().knownRegions(), region -> {
            Seen before = seen.get(region);
            Seen now;
            try {
                Duration rtt = site.peers().ping(region);
                now = new Seen(region, true, Optional.of(rtt), site.now(), Optional.empty());
            } catch (RuntimeException e) {
                now = new Seen(region, false, Optional.empty(), site.now(), Optional.ofNullable(e.getMessage()));
            }
            seen.put(region, now);
            if (now.reachable() && (before == null || !before.reachable())) {
                cameBack.accept(region);
            }
            return now;
        });
    }

    /** Every known peer, by name; a peer not probed yet is absent. */
    public Map<Region, Seen> snapshot() {
        return new TreeMap<>(seen);
    }
}
