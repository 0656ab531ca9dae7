package org.diminet.server.web.eastwest;

/** Body of {@code POST /api/intersite-horizontal/{id}/pools}: the site that wants another pool. */
public record PoolRequest(String region) {
}
