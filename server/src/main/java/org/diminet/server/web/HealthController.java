package org.diminet.server.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.diminet.server.config.SiteProperties;
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
@Tag(name = "Health")
public class HealthController {
    private final SiteProperties site;
    private final SiteHealth health;

    public HealthController(SiteProperties site, SiteHealth health) {
        this.site = site;
        this.health = health;
    }

    /** The site's health, as an operator's probe reads it. */
    public record Health(String region, String status, SiteHealth.Store store, List<SiteHealth.Peer> peers) {
    }

    @GetMapping("/api/health")
    @Operation(summary = "The store and each peer (reachable, last round-trip time)")
    public ResponseEntity<Health> health() {
        SiteHealth.Store store = health.store();
        List<SiteHealth.Peer> peers = health.peers();
        String status = SiteHealth.overall(store, peers);
        return ResponseEntity.status(SiteHealth.DOWN.equals(status) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
                .body(new Health(site.region(), status, store, peers));
    }
}
