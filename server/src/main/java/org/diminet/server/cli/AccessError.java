package org.diminet.server.cli;

/** DIMINET or the identity service could not be reached, or did not accept the credentials or token. */
public final class AccessError extends CliFailure {

    public AccessError(String message) {
        super(message);
    }

    public AccessError(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.UNREACHABLE_OR_UNAUTHENTICATED;
    }
}
