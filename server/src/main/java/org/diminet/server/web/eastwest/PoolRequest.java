package org.diminet.server.web.eastwest;

/**
 * Body of {@code POST /api/intersite-horizontal/{id}/pools}: the site that wants another pool, and the
 * key of its request (operation and step), under which the master records what it granted.
 */
public record PoolRequest(String region, String request) {
}
