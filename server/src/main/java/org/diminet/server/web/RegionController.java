package org.diminet.server.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diminet.server.settings.SiteProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/region}: which site this is. */
@RestController
@Tag(name = "Site")
public class RegionController {
    private final SiteProperties site;

    public RegionController(SiteProperties site) {
        this.site = site;
    }

    /** The answer: {@code {"name": "<region>"}}. */
    @Schema(description = "Which site this is")
    public record SiteRegion(@Schema(description = "The site's region", example = "RegionOne") String name) {
    }

    @GetMapping("/api/region")
    @Operation(operationId = "getRegion", summary = "This site's region", description = "Open, for probes and peers.")
    @ApiResponse(responseCode = "200", description = "The region's name")
    public SiteRegion region() {
        return new SiteRegion(site.region());
    }
}
