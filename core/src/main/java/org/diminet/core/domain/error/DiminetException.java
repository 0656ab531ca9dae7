package org.diminet.core.domain.error;

/**
 * Every failure the core reports to a caller. Each subtype says which kind of problem it is so an
 * adapter can map it (for HTTP: 400, 403, 404, 409, 502/503/504) without inspecting messages.
 */
public abstract sealed class DiminetException extends RuntimeException
        permits InvalidRequestException, NotFoundException, ForbiddenException, ConflictException, PeerException, VimException {

    protected DiminetException(String message) {
        super(message);
    }

    protected DiminetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short, stable, machine-readable name of the problem kind, e.g. {@code cidr-overlap}. */
    public abstract String problemType();
}
