package org.diminet.core.domain.error;

/** Something named by the caller does not exist (a service, a network at a site). */
public final class NotFoundException extends DiminetException {
    private final String problemType;

    public NotFoundException(String problemType, String message) {
        super(message);
        this.problemType = problemType;
    }

    @Override
    public String problemType() {
        return problemType;
    }
}
