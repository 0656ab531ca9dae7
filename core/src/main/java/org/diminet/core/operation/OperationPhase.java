package org.diminet.core.operation;

/**
 * Where an operation stands. {@code RUNNING} and {@code REVERTING} hold the service: no other change
 * of it may start. {@code COMMITTED} means the change took effect and only clean-up steps that must
 * eventually reach their site (an outbox: removing a part at a site that is down, telling a site the
 * new resource list) remain; they no longer hold the service.
 */
public enum OperationPhase {
    RUNNING, COMMITTED, REVERTING, DONE, REVERTED;

    public boolean isOpen() {
        return this == RUNNING || this == COMMITTED || this == REVERTING;
    }

    /** True while no other change of the service may start. */
    public boolean holdsService() {
        return this == RUNNING || this == REVERTING;
    }
}
