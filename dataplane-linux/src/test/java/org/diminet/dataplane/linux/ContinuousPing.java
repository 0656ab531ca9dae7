package org.diminet.dataplane.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ping every 10 ms from a machine, in the background, for measuring when traffic stops and resumes to
 * within about 10 ms: {@code ping -n -D -i 0.01 -W 0.1 -w LIMIT}. Bounded by its deadline; {@link #close()}
 * ends it earlier.
 */
final class ContinuousPing implements AutoCloseable {
    private static final Pattern REPLY = Pattern.compile("^\\[(\\d+\\.\\d+)] \\d+ bytes from");

    private final Process process;
    private final Path output;

    ContinuousPing(String namespace, String destination, Duration limit) {
        try {
            output = Files.createTempFile("dmn-ping", ".txt");
            process = new ProcessBuilder("ip", "netns", "exec", namespace, "ping", "-n", "-D", "-i", "0.01",
                    "-W", "0.1", "-w", Long.toString(limit.toSeconds()), destination)
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The times (epoch milliseconds) of the replies received so far. */
    List<Double> replies() {
        List<Double> times = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
                Matcher m = REPLY.matcher(line);
                if (m.find()) {
                    times.add(Double.parseDouble(m.group(1)) * 1000);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return times;
    }

    /** Milliseconds from {@code sinceMillis} to the last reply before the first gap of over 50 ms after it. */
    Optional<Double> lastReplyBeforeGap(double sinceMillis) {
        List<Double> times = replies();
        Double previous = null;
        for (double t : times) {
            if (t < sinceMillis) {
                previous = t;
                continue;
            }
            if (previous != null && t - previous > 50) {
                return Optional.of(previous - sinceMillis);
            }
            previous = t;
        }
        return Optional.empty();
    }

    /** Milliseconds from {@code sinceMillis} to the first reply after it. */
    Optional<Double> firstReplyAfter(double sinceMillis) {
        return replies().stream().filter(t -> t >= sinceMillis).findFirst().map(t -> t - sinceMillis);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
