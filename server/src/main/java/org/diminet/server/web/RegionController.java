package org.diminet.server.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.diminet.server.config.SiteProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/region}: which site this is. */
@RestController
public class RegionController {
    private final SiteProperties site;

    public RegionController(SiteProperties site) {
        this.site = site;
    }

    @GetMapping("/api/region")
    @Operation(summary = "The local region's name")
    public Map<String, String> region() {
        return Map.of("name", site.region());
    }
}
