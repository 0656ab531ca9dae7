package org.diminet.core.domain;

/**
 * Where a service stands at this site. Only ACTIVE (and DEGRADED, which works but has a site
 * behind) are complete; the others are transient or need attention.
 *
 * <ul>
 *   <li>CREATING, UPDATING, DELETING: an operation of the master is running;</li>
 *   <li>DEGRADED: the service works, but a clean-up step waits for a site (shown, never stored);</li>
 *   <li>FAILED: the create was revoked and is being undone at sites that did not answer yet, or this
 *       part was left behind by a master that no longer knows it and still has machines on it.</li>
 * </ul>
 */
public enum ServiceState {
    CREATING, ACTIVE, UPDATING, DEGRADED, DELETING, FAILED
}
