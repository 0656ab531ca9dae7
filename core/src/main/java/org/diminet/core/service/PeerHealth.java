package org.diminet.core.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    /** Peers probed in one round when none is awaited or unreachable (see {@link #probeDue}). */
    private static final int PEERS_PER_ROUND = 10;

    /** One peer as last probed. */
    public record Seen(Region region, boolean reachable, Optional<Duration> roundTrip, Instant at,
                       Optional<String> error) {
    }

    private final SiteContext site;
    private final Map<Region, Seen> seen = new ConcurrentHashMap<>();

    public PeerHealth(SiteContext site) {
        this.site = site;
    }

    /**
     * One round of probes every {@code interval}: the peers an open operation waits for, and those not
     * seen answering, every round (so a site coming back is noticed at once); the others in turn, so that
     * each is probed at least every {@code interval × ⌈peers / 10⌉}. With ten peers or fewer that is
     * every round; with 49 it is every fifth: a site sends about two probes a second, not ten, and a
     * federation of 50 sites on one machine no longer spends two cores answering probes.
     */
    public void probeDue(Duration interval, Consumer<Region> cameBack) {
        List<Region> known = List.copyOf(site.peers().knownRegions());
        long rounds = Math.max(1, (known.size() + PEERS_PER_ROUND - 1) / PEERS_PER_ROUND);
        // Each peer's pause between 50 % and 100 % of that (fixed per peer), so the probes spread over rounds.
        Duration idleEvery = interval.multipliedBy(rounds);
        Set<Region> awaited = new HashSet<>();
        site.journal().listOpen().forEach(op -> op.pending().forEach(step -> awaited.add(step.site())));
        Instant now = site.now();
        List<Region> due = known.stream().filter(region -> {
            Seen last = seen.get(region);
            return last == null || !last.reachable() || awaited.contains(region)
                    || !last.at().plus(spread(idleEvery, region)).isAfter(now);
        }).toList();
        probe(due, cameBack);
    }

    private static Duration spread(Duration every, Region region) {
        long share = 50 + Math.floorMod(region.name().hashCode(), 51);
        return every.multipliedBy(share).dividedBy(100).minusMillis(1);
    }

    /** Probes these peers once, in parallel; calls {@code cameBack} for each that answers again. */
    private void probe(List<Region> regions, Consumer<Region> cameBack) {
        site.fanout().call(regions, region -> {
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
