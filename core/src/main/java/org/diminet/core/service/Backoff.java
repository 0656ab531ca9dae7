package org.diminet.core.service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed step again: exponential from {@code first}, capped at {@code max}, with
 * "equal jitter" (half fixed, half random) so that many steps waiting for one site that comes back do
 * not all hit it at the same instant.
 */
public final class Backoff {
    private Backoff() {
    }

    public static Instant next(Instant now, int attempts, Duration first, Duration max) {
        long base = first.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, max.toMillis());
        long half = Math.max(capped / 2, 1);
        return now.plusMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
