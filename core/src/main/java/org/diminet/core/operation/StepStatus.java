package org.diminet.core.operation;

/** A step is pending until it is done, refused by its site for good, or no longer needed. */
public enum StepStatus {
    PENDING, DONE, REFUSED, SKIPPED
}
