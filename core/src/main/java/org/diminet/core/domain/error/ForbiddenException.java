package org.diminet.core.domain.error;

/** The caller is known but may not do this (another project's network, a peer speaking for another region). */
public final class ForbiddenException extends DiminetException {
    private final String problemType;

    public ForbiddenException(String problemType, String message) {
        super(message);
        this.problemType = problemType;
    }

    @Override
    public String problemType() {
        return problemType;
    }
}
