package org.diminet.dataplane.linux;

/**
 * A program run by a {@link CommandRunner} failed: it could not start, exited non-zero or ran out of
 * time. The message names the command and carries what the program wrote to standard error (or, when
 * that is empty, to standard output, where {@code vtysh} reports its errors).
 */
public class CommandFailedException extends RuntimeException {
    private final Command command;
    private final int exitCode;
    private final String stdout;
    private final String stderr;

    public CommandFailedException(Command command, int exitCode, String stdout, String stderr, Throwable cause) {
        super(message(command, exitCode, stdout, stderr), cause);
        this.command = command;
        this.exitCode = exitCode;
        this.stdout = stdout == null ? "" : stdout;
        this.stderr = stderr == null ? "" : stderr;
    }

    private static String message(Command command, int exitCode, String stdout, String stderr) {
        String why = exitCode == TIMED_OUT ? "timed out after " + command.timeout().toMillis() + " ms"
                : exitCode == NOT_STARTED ? "could not be started"
                : "exited with " + exitCode;
        String said = stderr != null && !stderr.isBlank() ? stderr.strip()
                : stdout != null && !stdout.isBlank() ? stdout.strip() : "";
        if (said.length() > 2000) {
            said = said.substring(0, 2000) + "…";
        }
        return "`" + command.display() + "` " + why + (said.isEmpty() ? "" : ": " + said);
    }

    /** The exit code standing for "killed after its time limit". */
    public static final int TIMED_OUT = -1;
    /** The exit code standing for "the program could not be started". */
    public static final int NOT_STARTED = -2;

    public Command command() {
        return command;
    }

    /** The program's exit status, or {@link #TIMED_OUT} / {@link #NOT_STARTED}. */
    public int exitCode() {
        return exitCode;
    }

    public String stdout() {
        return stdout;
    }

    public String stderr() {
        return stderr;
    }
}
