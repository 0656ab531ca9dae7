package org.diminet.core.domain.error;

/**
 * The request is well formed but clashes with existing state: overlapping CIDRs, a network already
 * in a service, ports still attached, a pool ledger that is exhausted.
 */
public final class ConflictException extends DiminetException {
    private final String problemType;

    public ConflictException(String problemType, String message) {
        super(message);
        this.problemType = problemType;
    }

    @Override
    public String problemType() {
        return problemType;
    }
}
