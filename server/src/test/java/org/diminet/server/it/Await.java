package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;

/** Waits for what the sites do in the background (probes, retries) instead of sleeping a guessed time. */
final class Await {
    private Await() {
    }

    /** Polls every 200 ms; fails the test when {@code condition} is not met within 30 s. */
    static void until(BooleanSupplier condition) {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 30 s").isLessThan(end);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
