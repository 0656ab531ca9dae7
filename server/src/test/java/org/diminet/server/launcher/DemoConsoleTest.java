package org.diminet.server.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diminet.server.faults.SiteMain;
import org.diminet.server.faults.SiteProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./diminet demo} as a user runs it, in a JVM of its own (logging is per JVM): its console shows
 * the summary and then one line per inter-site event, the sites' logs go to the file the summary names,
 * and {@code --verbose} brings them back to the console.
 */
class DemoConsoleTest {
    private static final String READY = "Press Ctrl-C to stop all sites.";
    private static final Pattern EVENT = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d (Region\\w+): (.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;

    @Test
    void theConsoleShowsTheSummaryThenOneLinePerEventAndTheLogsGoToTheNamedFile() throws Exception {
        try (Demo demo = Demo.start(dataDir)) {
            List<String> summary = demo.awaitLine(READY::equals);
            Path logFile = dataDir.resolve("diminet.log");
            assertThat(summary).contains("The sites' logs: " + logFile + " (--verbose shows them here too).");
            assertThat(summary).noneMatch(line -> line.contains(" INFO ") || line.contains("Tomcat"));
            String token = after(summary, "export ALICE_TOKEN=");
            String routedOne = networkId(summary, "routed-1");
            String routedTwo = networkId(summary, "routed-2");
            String clashingTwo = networkId(summary, "clashing-2");
            int eventsStart = demo.lines().size();

            HttpResponse<String> clash = post(demo.url(0), token, l3("clash", routedOne, clashingTwo));
            HttpResponse<String> created = post(demo.url(0), token, l3("demo-l3", routedOne, routedTwo));
            String id = JSON.readTree(created.body()).get("global_id").asText();
            // Sent to RegionTwo, which hands it to the master: told once, by the master.
            HttpResponse<String> deleted = send("DELETE", demo.url(1) + "/api/intersite-vertical/" + id, token, null);
            assertThat(List.of(clash.statusCode(), created.statusCode(), deleted.statusCode())).containsExactly(409, 201, 204);

            demo.awaitLine(line -> line.contains("deleted"));
            Thread.sleep(1_000); // anything else the sites would print by now
            List<String> events = demo.lines().subList(eventsStart, demo.lines().size()).stream()
                    .filter(line -> !line.isBlank()).toList();
            assertThat(events).hasSize(3).allMatch(line -> EVENT.matcher(line).matches());
            assertThat(events.get(0)).contains("RegionOne: refused to create L3 service \"clash\": ")
                    .contains("10.1.0.128/25");
            assertThat(events.get(1)).endsWith("RegionOne: created L3 service " + id
                    + " \"demo-l3\" across RegionOne, RegionTwo");
            assertThat(events.get(2)).endsWith("RegionOne: deleted L3 service " + id + " \"demo-l3\"");

            String logs = Files.readString(logFile);
            assertThat(logs).contains("Tomcat started on port " + demo.basePort)
                    .contains("Started DiminetMain")
                    .contains("phase=create-total")
                    .contains("RegionOne: created L3 service " + id);
        }
    }

    @Test
    void verboseShowsTheSitesLogsOnTheConsoleAsBefore() throws Exception {
        try (Demo demo = Demo.start(dataDir, "--verbose")) {
            List<String> output = demo.awaitLine(READY::equals);
            assertThat(output).anyMatch(line -> line.contains("Started DiminetMain"));
            assertThat(output).contains("The sites' logs: " + dataDir.resolve("diminet.log") + " and here.");
            assertThat(Files.readString(dataDir.resolve("diminet.log"))).contains("Started DiminetMain");
        }
    }

    private static String l3(String name, String networkOne, String networkTwo) {
        return "{\"name\":\"" + name + "\",\"type\":\"L3\",\"resources\":[{\"region\":\"RegionOne\",\"network\":\""
                + networkOne + "\"},{\"region\":\"RegionTwo\",\"network\":\"" + networkTwo + "\"}]}";
    }

    private HttpResponse<String> post(String site, String token, String body) throws Exception {
        return send("POST", site + "/api/intersite-vertical", token, body);
    }

    private HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("X-Auth-Token", token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What follows {@code prefix} on the first line that has it, up to the next space. */
    private static String after(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.contains(prefix)).findFirst()
                .map(l -> l.substring(l.indexOf(prefix) + prefix.length()).split(" ")[0])
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + lines));
    }

    /** The id of a seeded network, from the summary's "    routed-1       <id>  10.1.0.0/24" lines. */
    private static String networkId(List<String> lines, String name) {
        Pattern row = Pattern.compile("^\\s+" + Pattern.quote(name) + "\\s+(\\S+)\\s+\\S+$");
        return lines.stream().map(row::matcher).filter(Matcher::matches).findFirst().map(m -> m.group(1))
                .orElseThrow(() -> new AssertionError("no network " + name + " in " + lines));
    }

    /** {@code diminet demo --sites 2} in its own JVM, its stdout collected line by line. */
    private record Demo(Process process, int basePort, List<String> lines, Path stderr) implements AutoCloseable {
        static Demo start(Path dataDir, String... options) throws IOException {
            int basePort = twoFreePorts();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(SiteProcess.JVM_OPTIONS);
            command.addAll(List.of("-cp", SiteProcess.testClasspath(), SiteMain.class.getName(), "demo", "--sites", "2",
                    "--base-port", String.valueOf(basePort), "--data-dir", dataDir.toString()));
            command.addAll(List.of(options));
            Path stderr = Files.createTempFile("diminet-demo-stderr", ".txt");
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    out.lines().forEach(lines::add);
                } catch (IOException | java.io.UncheckedIOException ended) {
                    // the process is gone
                }
            }, "demo-stdout");
            reader.setDaemon(true);
            reader.start();
            return new Demo(process, basePort, lines, stderr);
        }

        String url(int site) {
            return "http://127.0.0.1:" + (basePort + site);
        }

        /** Waits (at most 3 minutes, two JVM-hungry sites on a small machine) for a line; returns all lines so far. */
        List<String> awaitLine(Predicate<String> wanted) throws Exception {
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (lines.stream().noneMatch(wanted)) {
                if (!process.isAlive() || System.nanoTime() > end) {
                    throw new AssertionError("the demo " + (process.isAlive() ? "did not print it in time" : "exited")
                            + "; stdout:\n" + String.join("\n", lines) + "\nstderr:\n" + Files.readString(stderr));
                }
                Thread.sleep(100);
            }
            return List.copyOf(lines);
        }

        @Override
        public void close() throws Exception {
            process.destroy(); // SIGTERM: the demo's shutdown hook stops the sites
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(stderr);
        }

        private static int twoFreePorts() throws IOException {
            for (int attempt = 0; attempt < 20; attempt++) {
                try (ServerSocket first = new ServerSocket(0)) {
                    try (ServerSocket second = new ServerSocket(first.getLocalPort() + 1)) {
                        return first.getLocalPort();
                    } catch (IOException taken) {
                        // try another pair
                    }
                }
            }
            throw new IOException("no two consecutive free ports");
        }
    }
}
