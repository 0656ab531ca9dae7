package org.diminet.server.wire;

import java.util.List;

/** Body of {@code GET /api/networks}: the site the networks are at, and the networks. */
@io.swagger.v3.oas.annotations.media.Schema(description = "The networks the caller may use at one site")
public record NetworkList(
        @io.swagger.v3.oas.annotations.media.Schema(description = "The site the networks are at", example = "RegionTwo")
        String region,
        @io.swagger.v3.oas.annotations.media.Schema(description = "The networks, possibly none", example = "[{\"id\": \"3b8360e6-e29a-4063-a8bc-7bbd0785d08b\","
                + " \"name\": \"routed-2\", \"project\": \"project-a\", \"shared\": false, \"cidrs\": [\"10.2.0.0/24\"]}]")
        List<NetworkView> networks) {
    /** Where the North API lists a caller's networks, at this site or at a peer. */
    public static final String PATH = "/api/networks";

}
