package org.diminet.core.service;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * In-process locks by key. A site serialises everything it does for one service (so a compensating
 * delete waits for the create it undoes), and serialises L2 "is this CIDR free? then create it" so two
 * extensions cannot both take the same CIDR here. One DIMINET process serves one site, so an
 * in-process lock is enough; the store's network claims guard the rest.
 */
public final class KeyedLocks {
    /** The key under which a site checks and creates extended networks. */
    public static final String L2_CIDR_KEY = "l2-cidr";

    private final ConcurrentHashMap<Object, ReentrantLock> locks = new ConcurrentHashMap<>();

    public <T> T withLock(Object key, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public void withLock(Object key, Runnable work) {
        withLock(key, () -> {
            work.run();
            return null;
        });
    }
}
