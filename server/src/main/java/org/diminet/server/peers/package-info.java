/** The peers port over HTTP: East-West calls to other DIMINET sites, and forwarding to masters. */
package org.diminet.server.peers;
