package org.diminet.server.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.diminet.server.settings.SiteProperties;
import org.diminet.server.health.SiteHealth;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health}: whether this site's store answers and how many operations are still open,
 * and each peer as last probed (reachable, round-trip time). 200 while the store works, whatever the
 * peers: a site cut off from the others keeps serving its local part; 503 when the store fails.
 * ({@code /actuator/health} says the same in Spring Boot's shape.)
 */
@RestController
@Tag(name = "Site")
public class HealthController {
    private final SiteProperties site;
    private final SiteHealth health;

    public HealthController(SiteProperties site, SiteHealth health) {
        this.site = site;
        this.health = health;
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
            SiteHealth.Store store,
            @Schema(description = "Each peer as last probed (every `diminet.operations.probe-interval`, 5 s by default)",
                    example = "[{\"region\": \"RegionTwo\", \"reachable\": true, \"round_trip_ms\": 1.8,"
                            + " \"checked_at\": \"2026-11-22T10:15:00.120Z\", \"error\": null}]")
            List<SiteHealth.Peer> peers) {
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
        SiteHealth.Store store = health.store();
        List<SiteHealth.Peer> peers = health.peers();
        String status = SiteHealth.overall(store, peers);
        return ResponseEntity.status(SiteHealth.DOWN.equals(status) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
                .body(new Health(site.region(), status, store, peers));
    }
}
