package org.diminet.dataplane.linux;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One program to run: its argument vector (never interpreted by a shell), optional standard input and a
 * time limit.
 *
 * @param argv    the program and its arguments; not empty
 * @param stdin   text written to the program's standard input, or {@code null} for none
 * @param timeout how long the program may run before it is killed and the run fails
 */
public record Command(List<String> argv, String stdin, Duration timeout) {

    /** The time limit of {@link #of(String...)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), null, DEFAULT_TIMEOUT);
    }

    public static Command of(List<String> argv) {
        return new Command(argv, null, DEFAULT_TIMEOUT);
    }

    public Command withStdin(String text) {
        return new Command(argv, text, timeout);
    }

    public Command withTimeout(Duration limit) {
        return new Command(argv, stdin, limit);
    }

    /** The command line as a person would type it, for messages only. */
    public String display() {
        return String.join(" ", argv.stream().map(Command::quote).toList());
    }

    private static String quote(String arg) {
        return arg.isEmpty() || arg.chars().anyMatch(c -> " '\"\\$;&|<>()*?".indexOf(c) >= 0)
                ? "'" + arg.replace("'", "'\\''") + "'"
                : arg;
    }
}
