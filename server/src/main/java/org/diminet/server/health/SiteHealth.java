package org.diminet.server.health;

import java.time.Instant;
import java.util.List;
import org.diminet.core.operation.OperationStore;
import org.diminet.core.service.PeerHealth;
import org.springframework.stereotype.Component;

/**
 * Whether this site's store answers (and how many operations are still open), and each peer as last
 * probed. A site cut off from the others keeps serving its local part: unreachable peers make it
 * {@value #DEGRADED}, never down; only a store that fails does.
 */
@Component
public class SiteHealth {
    public static final String UP = "UP";
    public static final String DEGRADED = "DEGRADED";
    public static final String DOWN = "DOWN";

    private final OperationStore journal;
    private final PeerHealth peers;

    public SiteHealth(OperationStore journal, PeerHealth peers) {
        this.journal = journal;
        this.peers = peers;
    }

    /** The site's database: up or not, and how many operations are not finished. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "The site's database: whether it answers, and how many"
            + " operations are not finished")
    public record Store(
            @io.swagger.v3.oas.annotations.media.Schema(description = "UP or DOWN", example = "UP",
                    allowableValues = {"UP", "DOWN"})
            String status,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Operations not finished yet; null when the store"
                    + " is DOWN", example = "0", types = {"integer", "null"}, format = "int32")
            Integer openOperations,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Why the store is DOWN; null when it is UP",
                    example = "Connection is not available", types = {"string", "null"})
            String error) {
        public boolean up() {
            return UP.equals(status);
        }
    }

    /** One peer as last probed. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "A peer as last probed")
    public record Peer(
            @io.swagger.v3.oas.annotations.media.Schema(description = "The peer's region", example = "RegionTwo")
            String region,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Whether it answered the last probe", example = "true")
            boolean reachable,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The last probe's round-trip time in milliseconds;"
                    + " null when it did not answer", example = "1.8", types = {"number", "null"}, format = "double")
            Double roundTripMs,
            @io.swagger.v3.oas.annotations.media.Schema(description = "When it was last probed",
                    example = "2026-11-22T10:15:00.120Z")
            Instant checkedAt,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Why the last probe failed; null when it answered",
                    example = "connection refused", types = {"string", "null"})
            String error) {
    }

    public Store store() {
        try {
            return new Store(UP, journal.listOpen().size(), null);
        } catch (RuntimeException e) {
            return new Store(DOWN, null, e.getMessage());
        }
    }

    /** Every peer probed so far, by name. */
    public List<Peer> peers() {
        return peers.snapshot().values().stream()
                .map(p -> new Peer(p.region().name(), p.reachable(),
                        p.roundTrip().map(d -> d.toNanos() / 1e6).orElse(null), p.at(), p.error().orElse(null)))
                .toList();
    }

    public static String peersStatus(List<Peer> peers) {
        return peers.stream().allMatch(Peer::reachable) ? UP : DEGRADED;
    }

    /** {@value #DOWN} when the store fails, else {@value #DEGRADED} when a peer is unreachable, else {@value #UP}. */
    public static String overall(Store store, List<Peer> peers) {
        return !store.up() ? DOWN : peersStatus(peers);
    }
}
