package org.diminet.server.cli;

import picocli.CommandLine;

/**
 * Turns a {@link CliFailure} into its message on stderr and its exit code (see {@link ExitCodes});
 * anything else is a bug and is left to picocli (stack trace, exit 1).
 */
public final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    private final CommandLine.IExecutionExceptionHandler next;

    public FailureHandler(CommandLine.IExecutionExceptionHandler next) {
        this.next = next;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof CliFailure failure) {
            command.getErr().println("diminet: " + failure.getMessage());
            command.getErr().flush();
            return failure.exitCode();
        }
        if (next != null) {
            return next.handleExecutionException(e, command, parsed);
        }
        throw e;
    }
}
