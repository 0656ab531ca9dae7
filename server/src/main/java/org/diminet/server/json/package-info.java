/** JSON mapping of the core's values, shared by the web APIs, the peer client and the store. */
package org.diminet.server.json;
