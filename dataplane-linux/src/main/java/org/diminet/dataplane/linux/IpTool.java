package org.diminet.dataplane.linux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * iproute2 as a program: changes go through {@code ip -n NS -batch -} (many commands, one process), reads
 * through {@code ip -j} and {@code bridge -j}. The JVM itself never enters a namespace.
 */
final class IpTool {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommandRunner runner;

    IpTool(CommandRunner runner) {
        this.runner = runner;
    }

    CommandRunner runner() {
        return runner;
    }

    /** Runs {@code lines} in namespace {@code namespace}, or in the host's namespace when it is {@code null}. */
    void batch(String namespace, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        for (String line : lines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("one ip command per line: " + line);
            }
        }
        List<String> argv = new ArrayList<>(List.of("ip"));
        if (namespace != null) {
            argv.addAll(List.of("-n", namespace));
        }
        argv.addAll(List.of("-batch", "-"));
        runner.run(Command.of(argv).withStdin(String.join("\n", lines) + "\n"));
    }

    /** {@code ip -j [-n NS] ARGS}, parsed; an empty array when {@code ip} prints nothing. */
    JsonNode ipJson(String namespace, String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "-j"));
        if (namespace != null) {
            argv.addAll(List.of("-n", namespace));
        }
        argv.addAll(List.of(args));
        return parse(runner.run(Command.of(argv)));
    }

    /** {@code bridge -j -n NS ARGS}, parsed. */
    JsonNode bridgeJson(String namespace, String... args) {
        List<String> argv = new ArrayList<>(List.of("bridge", "-j", "-n", namespace));
        argv.addAll(List.of(args));
        return parse(runner.run(Command.of(argv)));
    }

    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.createArrayNode();
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + abbreviate(text), e);
        }
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
