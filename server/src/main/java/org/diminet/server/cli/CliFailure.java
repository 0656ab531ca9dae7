package org.diminet.server.cli;

/**
 * Why a command could not do what it was asked; each kind has its own exit code (see {@link ExitCodes})
 * and its message is what the user reads on stderr.
 */
public abstract sealed class CliFailure extends RuntimeException permits ApiError, UsageError, AccessError {

    protected CliFailure(String message) {
        super(message);
    }

    protected CliFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract int exitCode();
}
