package org.diminet.core.operation;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@link SiteLocks} for a site served by one process (the embedded H2 database admits only one).
 * Locks are re-entrant and counted, so a lock nobody holds or waits for is dropped and the map does
 * not grow with every service ever touched.
 */
public final class InProcessLocks implements SiteLocks {
    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    @Override
    public <T> T withLock(String key, Supplier<T> work) {
        Entry entry = acquire(key);
        entry.lock.lock();
        try {
            return work.get();
        } finally {
            entry.lock.unlock();
            release(key);
        }
    }

    @Override
    public Optional<Held> tryLock(String key) {
        Entry entry = acquire(key);
        if (!entry.lock.tryLock()) {
            release(key);
            return Optional.empty();
        }
        return Optional.of(() -> {
            entry.lock.unlock();
            release(key);
        });
    }

    /** How many keys are currently held or waited for (for tests of the clean-up). */
    public int size() {
        return locks.size();
    }

    private Entry acquire(String key) {
        return locks.compute(key, (k, e) -> {
            Entry entry = e == null ? new Entry() : e;
            entry.users++;
            return entry;
        });
    }

    private void release(String key) {
        locks.computeIfPresent(key, (k, e) -> --e.users == 0 ? null : e);
    }
}
