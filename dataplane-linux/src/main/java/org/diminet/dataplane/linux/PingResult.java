package org.diminet.dataplane.linux;

import java.time.Duration;
import java.util.Optional;

/**
 * What a {@code ping} run saw.
 *
 * @param transmitted echo requests sent
 * @param received    echo replies received
 * @param averageRtt  the mean round-trip time of the replies, empty when none came back
 */
public record PingResult(int transmitted, int received, Optional<Duration> averageRtt) {

    public boolean allReceived() {
        return transmitted > 0 && received == transmitted;
    }

    public boolean noneReceived() {
        return received == 0;
    }

    /** The mean round-trip time in milliseconds, or NaN when no reply came. */
    public double averageRttMillis() {
        return averageRtt.map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
    }
}
