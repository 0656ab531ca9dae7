package org.diminet.server.web.north;

import java.util.List;

/** Body of {@code GET /api/networks}: the site the networks are at, and the networks. */
public record NetworkList(String region, List<NetworkView> networks) {
}
