package org.diminet.server.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.diminet.core.operation.InProcessLocks;
import org.diminet.core.operation.SiteLocks;

/**
 * {@link SiteLocks} for a site served by several processes on one PostgreSQL: a thread of this process
 * takes the in-process lock, then this process takes a PostgreSQL session-level advisory lock on a
 * 64-bit hash of the key. The advisory locks live on one connection this process keeps open; if the
 * process dies, PostgreSQL ends its session and releases them, so another process takes over the
 * operations it was driving at once, without leases to wait out.
 */
public final class PostgresSiteLocks implements SiteLocks, AutoCloseable {
    private static final long POLL_MILLIS = 20;

    private final InProcessLocks local = new InProcessLocks();
    private final Connection session;

    public PostgresSiteLocks(DataSource dataSource) {
        try {
            this.session = dataSource.getConnection();
            this.session.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database session that holds this site's locks: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public <T> T withLock(String key, Supplier<T> work) {
        return local.withLock(key, () -> {
            long hash = hash(key);
            while (!tryAdvisory(hash)) {
                sleep();
            }
            try {
                return work.get();
            } finally {
                unlockAdvisory(hash);
            }
        });
    }

    @Override
    public Optional<Held> tryLock(String key) {
        Optional<Held> mine = local.tryLock(key);
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        long hash = hash(key);
        if (!tryAdvisory(hash)) {
            mine.get().close();
            return Optional.empty();
        }
        return Optional.of(() -> {
            unlockAdvisory(hash);
            mine.get().close();
        });
    }

    private synchronized boolean tryAdvisory(long hash) {
        try (PreparedStatement statement = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, hash);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a database lock: " + e.getMessage(), e);
        }
    }

    private synchronized void unlockAdvisory(long hash) {
        try (PreparedStatement statement = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, hash);
            statement.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release a database lock: " + e.getMessage(), e);
        }
    }

    /** FNV-1a, 64 bits: advisory locks take a bigint, and String.hashCode's 32 bits collide too often. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a lock", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            session.close();
        } catch (SQLException e) {
            // The session's locks go with it either way.
        }
    }
}
