package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A token and the service catalog that came with it (Keystone's {@code token.catalog}; empty from a
 * DIMINET site's embedded identity).
 *
 * @param identityUrl the identity's versioned URL ({@code …/v3}) it came from
 */
record IdentityToken(String token, JsonNode catalog, String identityUrl) {
}
