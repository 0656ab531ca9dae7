/**
 * The data-plane port: how a site makes its part of a service reachable from the other sites
 * (route targets, BGPVPNs). The {@code none} driver records the connection information only.
 */
package org.diminet.core.dataplane;
