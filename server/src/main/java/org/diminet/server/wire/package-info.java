/**
 * The JSON contracts of the North and East-West APIs that both sides use: the controllers answer with them and
 * {@code peers.HttpPeers} reads them from other sites. Wire records, not the core's: renaming a core field must
 * not change an API.
 */
package org.diminet.server.wire;
