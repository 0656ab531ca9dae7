package org.diminet.core.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** In-process locks exclude each other per key, re-enter, and are forgotten once nobody holds them. */
class InProcessLocksTest {
    private final InProcessLocks locks = new InProcessLocks();

    @Test
    void aKeyHeldElsewhereCannotBeTakenAndIsFreeAgainAfterwards() throws Exception {
        try (SiteLocks.Held held = locks.tryLock("service:a").orElseThrow()) {
            Thread other = Thread.ofVirtual().start(() -> assertThat(locks.tryLock("service:a")).isEmpty());
            other.join();
            assertThat(locks.tryLock("service:b")).as("another key is free").isPresent().get()
                    .satisfies(SiteLocks.Held::close);
            assertThat(locks.withLock("service:a", () -> "re-entered")).isEqualTo("re-entered");
        }
        Thread other = Thread.ofVirtual().start(() -> locks.tryLock("service:a").orElseThrow().close());
        other.join();
    }

    @Test
    void locksOfKeysNobodyHoldsAreForgotten() {
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 1_000; i++) {
            locks.withLock("service:" + i, ran::incrementAndGet);
            locks.tryLock("operation:" + i).ifPresent(SiteLocks.Held::close);
        }
        assertThat(ran).hasValue(1_000);
        assertThat(locks.size()).as("no lock kept for services touched once").isZero();
    }
}
