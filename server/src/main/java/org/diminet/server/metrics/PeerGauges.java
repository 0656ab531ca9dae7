package org.diminet.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.diminet.core.domain.Region;
import org.diminet.core.peer.Peers;
import org.diminet.core.service.PeerHealth;
import org.springframework.stereotype.Component;

/**
 * {@code diminet_peer_reachable} (1 or 0) and {@code diminet_peer_round_trip_seconds}, one series per
 * peer, as the reconciler's probes last saw it (the values {@code /api/health} shows). A peer not probed
 * yet, and the round trip of one that did not answer, read NaN: unknown, not zero. The set of peers is
 * read again every {@link #REFRESH_SECONDS} s, as sites found in Keystone's catalog may come and go.
 */
@Component
public class PeerGauges implements AutoCloseable {
    static final long REFRESH_SECONDS = 30;

    private final Peers peers;
    private final PeerHealth health;
    private final MultiGauge reachable;
    private final MultiGauge roundTrip;
    private final ScheduledExecutorService refresher;

    public PeerGauges(MeterRegistry registry, Peers peers, PeerHealth health, Region local) {
        this.peers = peers;
        this.health = health;
        this.reachable = MultiGauge.builder("diminet.peer.reachable")
                .description("1 when the peer answered this site's last probe, 0 when it did not")
                .register(registry);
        this.roundTrip = MultiGauge.builder("diminet.peer.round.trip")
                .description("Round-trip time of this site's last probe of the peer")
                .baseUnit("seconds")
                .register(registry);
        refresh();
        this.refresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("diminet-peer-gauges-" + local.name()).factory());
        refresher.scheduleWithFixedDelay(this::refresh, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    /** Registers a series for every peer known now and drops those of peers no longer known. */
    final void refresh() {
        Set<Region> known;
        try {
            known = peers.knownRegions();
        } catch (RuntimeException e) {
            return; // the catalog cannot be read now: keep the series there are
        }
        reachable.register(rows(known, seen -> seen.reachable() ? 1.0 : 0.0), false);
        roundTrip.register(rows(known, seen -> seen.roundTrip().map(d -> d.toNanos() / 1e9).orElse(Double.NaN)), false);
    }

    private List<MultiGauge.Row<?>> rows(Set<Region> known, Function<PeerHealth.Seen, Double> value) {
        return known.stream()
                .<MultiGauge.Row<?>>map(region -> MultiGauge.Row.of(Tags.of("peer", region.name()),
                        () -> Optional.ofNullable(health.snapshot().get(region)).map(value).orElse(Double.NaN)))
                .toList();
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
