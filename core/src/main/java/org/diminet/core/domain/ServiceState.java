package org.diminet.core.domain;

/** Where a service stands at this site. Only ACTIVE services are complete; the others are transient. */
public enum ServiceState {
    CREATING, ACTIVE, UPDATING, DELETING
}
