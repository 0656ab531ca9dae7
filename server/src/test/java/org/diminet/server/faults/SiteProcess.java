package org.diminet.server.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One DIMINET site as its own JVM, started from the test classpath, so that a fault test can kill it
 * the hard way (SIGKILL: no shutdown hook, no flush, half-written state stays as it is) and start it
 * again on the same port and data directory. Its stdout and stderr are appended to one log file that
 * survives restarts, with a marker line per start.
 */
public final class SiteProcess {
    /** JVM options that halve start-up time of a small Spring Boot site; correctness does not depend on them. */
    public static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-Xmx384m");
    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500)).build();

    private final String region;
    private final int port;
    private final Path config;
    private final Path log;
    private Process process; // guarded by this
    private int starts; // guarded by this

    /**
     * @param config a properties file with everything the site needs ({@code server.port} = {@code port})
     * @param log    where stdout and stderr are appended
     */
    SiteProcess(String region, int port, Path config, Path log) {
        this.region = region;
        this.port = port;
        this.config = config;
        this.log = log;
    }

    public String region() {
        return region;
    }

    public int port() {
        return port;
    }

    /** Where the test talks to the site directly (not through its proxy). */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path log() {
        return log;
    }

    /** Launches the JVM; does not wait for it to answer (see {@link #awaitReady}). */
    synchronized void launch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(region + " is already running (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(testClasspath());
        command.add(SiteMain.class.getName());
        command.addAll(List.of("server", "--config", config.toString()));
        try {
            starts++;
            Files.writeString(log, "=== " + Instant.now() + " start #" + starts + " of " + region + " on port " + port
                            + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start(); // stdin stays a pipe held by this JVM: SiteMain's orphan guard
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + region, e);
        }
    }

    /**
     * The classpath this test runs with. Surefire may start the test JVM through a manifest-only jar;
     * it then publishes the real classpath as {@code surefire.test.class.path}.
     */
    public static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /**
     * Waits until {@code GET /api/region} names this site.
     *
     * @throws AssertionError if the process dies or does not answer in time, with the tail of its log
     */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(url().resolve("/api/region")).timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!isAlive()) {
                throw new AssertionError(region + " exited with status " + exitValue() + " before answering; log:\n"
                        + logTail(60));
            }
            try {
                HttpResponse<String> answer = PROBE.send(probe, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"" + region + "\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + region, e);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(region + " did not answer GET /api/region within " + timeout + "; log:\n"
                        + logTail(60));
            }
            sleep(100);
        }
    }

    /** SIGKILL, then waits until the process is gone. No-op when not running. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM (Spring's graceful shutdown), SIGKILL after 30 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!waitFor(Duration.ofSeconds(30))) {
            kill();
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    private synchronized String exitValue() {
        return process == null || process.isAlive() ? "?" : String.valueOf(process.exitValue());
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last {@code lines} lines of the site's log (all starts). */
    public String logTail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log yet)";
            }
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return region + " :" + port + (isAlive() ? " pid " + pid() : " (down)");
    }
}
