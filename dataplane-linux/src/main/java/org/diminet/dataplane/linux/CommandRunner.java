package org.diminet.dataplane.linux;

/**
 * Runs external programs. {@link ProcessRunner} is the real one; tests may substitute a fake that
 * records the commands and answers canned output.
 */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs the command to its end.
     *
     * @return everything the program wrote to standard output
     * @throws CommandFailedException when the program cannot be started, exits with a non-zero status or
     *                                runs past its time limit
     */
    String run(Command command);
}
