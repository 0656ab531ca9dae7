package org.diminet.server.wire;

import java.util.List;

/** Body of {@code GET /api/networks}: the site the networks are at, and the networks. */
public record NetworkList(String region, List<NetworkView> networks) {
    /** Where the North API lists a caller's networks, at this site or at a peer. */
    public static final String PATH = "/api/networks";

}
