package org.diminet.server.cli;

/** The command line or the settings do not say enough, or say something impossible. */
public final class UsageError extends CliFailure {

    public UsageError(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCodes.USAGE;
    }
}
