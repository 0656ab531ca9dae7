/**
 * The peers port and the East-West messages. A master talks to the other sites of a service only,
 * and in parallel; each site checks and prepares its part in one call.
 */
package org.diminet.core.peer;
