package org.diminet.core.operation;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Mutual exclusion among everything that serves one site: the threads of one process and, when a site
 * runs as several processes on one database, those processes too. A lock held by a process that dies
 * is released (the database session ends), so another process can take over its work.
 */
public interface SiteLocks {

    /** Runs {@code work} holding {@code key}, waiting for it as long as needed. */
    <T> T withLock(String key, Supplier<T> work);

    default void withLock(String key, Runnable work) {
        withLock(key, () -> {
            work.run();
            return null;
        });
    }

    /** Takes {@code key} if nobody holds it; the caller closes what it gets to release it. */
    Optional<Held> tryLock(String key);

    /** A lock taken with {@link #tryLock}. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    static String service(Object id) {
        return "service:" + id;
    }

    static String operation(Object id) {
        return "operation:" + id;
    }

    /** The key under which a site checks and creates extended networks ("is this CIDR free here?"). */
    String L2_CIDR = "l2-cidr";
}
