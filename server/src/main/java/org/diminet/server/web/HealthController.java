package org.diminet.server.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.diminet.core.operation.OperationStore;
import org.diminet.core.service.PeerHealth;
import org.diminet.server.config.SiteProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health}: whether this site's store answers and how many operations are still open,
 * and each peer as last probed (reachable, round-trip time). 200 while the store works, whatever the
 * peers: a site cut off from the others keeps serving its local part; 503 when the store fails.
 */
@RestController
@Tag(name = "Health")
public class HealthController {
    private final SiteProperties site;
    private final OperationStore journal;
    private final PeerHealth peers;

    public HealthController(SiteProperties site, OperationStore journal, PeerHealth peers) {
        this.site = site;
        this.journal = journal;
        this.peers = peers;
    }

    /** The site's health, as an operator's probe reads it. */
    public record Health(String region, String status, Store store, List<Peer> peers) {
    }

    /** The site's database: up or not, and how many operations are not finished. */
    public record Store(String status, Integer openOperations, String error) {
    }

    /** One peer as last probed. */
    public record Peer(String region, boolean reachable, Double roundTripMs, Instant checkedAt, String error) {
    }

    @GetMapping("/api/health")
    @Operation(summary = "The store and each peer (reachable, last round-trip time)")
    public ResponseEntity<Health> health() {
        Store store;
        try {
            store = new Store("UP", journal.listOpen().size(), null);
        } catch (RuntimeException e) {
            store = new Store("DOWN", null, e.getMessage());
        }
        List<Peer> seen = peers.snapshot().values().stream()
                .map(p -> new Peer(p.region().name(), p.reachable(),
                        p.roundTrip().map(d -> d.toNanos() / 1e6).orElse(null), p.at(), p.error().orElse(null)))
                .toList();
        boolean allReachable = seen.stream().allMatch(Peer::reachable);
        String status = !"UP".equals(store.status()) ? "DOWN" : allReachable ? "UP" : "DEGRADED";
        return ResponseEntity.status("DOWN".equals(status) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
                .body(new Health(site.region(), status, store, seen));
    }
}
