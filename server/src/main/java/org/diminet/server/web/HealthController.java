package org.diminet.server.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
@Tag(name = "Site")
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
    @Schema(description = "The site's health")
    public record Health(
            @Schema(description = "This site", example = "RegionOne")
            String region,
            @Schema(description = "UP: the store works and every peer answered its last probe; DEGRADED: the store"
                    + " works but a peer did not; DOWN: the store fails (the answer is then 503)", example = "UP",
                    allowableValues = {"UP", "DEGRADED", "DOWN"})
            String status,
            @Schema(description = "The site's database")
            Store store,
            @Schema(description = "Each peer as last probed (every `diminet.operations.probe-interval`, 5 s by default)",
                    example = "[{\"region\": \"RegionTwo\", \"reachable\": true, \"round_trip_ms\": 1.8,"
                            + " \"checked_at\": \"2026-11-22T10:15:00.120Z\", \"error\": null}]")
            List<Peer> peers) {
    }

    /** The site's database: up or not, and how many operations are not finished. */
    @Schema(description = "The site's database: whether it answers, and how many operations are not finished")
    public record Store(
            @Schema(description = "UP or DOWN", example = "UP", allowableValues = {"UP", "DOWN"})
            String status,
            @Schema(description = "Operations not finished yet; null when the store is DOWN", example = "0",
                    types = {"integer", "null"}, format = "int32")
            Integer openOperations,
            @Schema(description = "Why the store is DOWN; null when it is UP", example = "Connection is not available",
                    types = {"string", "null"})
            String error) {
    }

    /** One peer as last probed. */
    @Schema(description = "A peer as last probed")
    public record Peer(
            @Schema(description = "The peer's region", example = "RegionTwo")
            String region,
            @Schema(description = "Whether it answered the last probe", example = "true")
            boolean reachable,
            @Schema(description = "The last probe's round-trip time in milliseconds; null when it did not answer",
                    example = "1.8", types = {"number", "null"}, format = "double")
            Double roundTripMs,
            @Schema(description = "When it was last probed", example = "2026-11-22T10:15:00.120Z")
            Instant checkedAt,
            @Schema(description = "Why the last probe failed; null when it answered",
                    example = "connection refused", types = {"string", "null"})
            String error) {
    }

    @GetMapping("/api/health")
    @Operation(operationId = "getHealth", summary = "The site's health: its store and each peer",
            description = "Open, for probes. 200 while the store works, whatever the peers: a site cut off from the"
                    + " others keeps serving its own part.")
    @ApiResponse(responseCode = "200", description = "The store works (`status` UP, or DEGRADED when a peer did not"
            + " answer)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Health.class)))
    @ApiResponse(responseCode = "503", description = "The store fails (`status` DOWN, `store.error` says why)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Health.class)))
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
