package org.diminet.server.wire;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of {@code POST /api/intersite-horizontal/{id}/pools}: the site that wants another pool, and the
 * key of its request (operation and step), under which the master records what it granted.
 */
@Schema(description = "A site's request to the master for one more pool")
public record PoolRequest(
        @Schema(description = "The site that wants the pool: the calling site", example = "RegionTwo",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String region,
        @Schema(description = "The request's key (its operation and step), under which the master records the grant:"
                + " the same key gets the same pool", example = "0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f/0",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String request) {
}
