package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.diminet.server.launcher.DiminetMain;
import picocli.CommandLine;

/**
 * One run of {@code diminet ARGS} as a user's shell would make it, in this JVM: the real entry point's
 * command line, the given environment and working directory, stdout and stderr captured.
 */
record CliRun(int exitCode, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    static CliRun of(Map<String, String> environment, Path workingDirectory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = DiminetMain.commandLine(new CliEnvironment(environment, workingDirectory));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + out, e);
        }
    }

    JsonNode yaml() {
        try {
            return YAML.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML: " + out, e);
        }
    }

    /** Fails with both streams shown unless the exit code is {@code expected}. */
    CliRun expect(int expected) {
        if (exitCode != expected) {
            throw new AssertionError("expected exit " + expected + " but got " + exitCode + "\n--- stdout\n" + out
                    + "--- stderr\n" + err);
        }
        return this;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
