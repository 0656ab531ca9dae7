package org.diminet.vim.embedded;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.VimException;

/**
 * Guards a site's {@link SiteState}: every operation runs under one lock (this is a simulator,
 * correctness beats throughput) and, when the site keeps files, every change is appended to its change log
 * before the lock is released: what the change touched, not the whole state. Once the log has grown as
 * large as the snapshot, the snapshot is written anew and the log emptied, so a change costs O(change)
 * however much the site holds (the rewrite, O(state), comes once per as many bytes of changes).
 *
 * <p>A change that fails (refused half-way, or a log that cannot be written) is undone, so a composite
 * change is all or nothing and memory and files never disagree. A change made inside
 * another one joins it: only the outermost is logged, so a composite operation that undoes its own first
 * step on failure never leaves that step on disk.
 */
final class SiteStore {
    private static final System.Logger LOG = System.getLogger(SiteStore.class.getName());
    /** A log this small is never worth a snapshot rewrite. */
    private static final long MIN_LOG_BYTES_BEFORE_SNAPSHOT = 256 * 1024;

    private final Region region;
    private final Optional<SnapshotFile> file;
    private final Optional<ChangeLogFile> log;
    private final SiteState state = new SiteState();
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long snapshotBytes;

    /**
     * @param file loaded now if it exists, with the changes logged since (in {@code <file>.log})
     * @throws VimException naming the region when the files exist but cannot be read
     */
    SiteStore(Region region, Optional<SnapshotFile> file) {
        this.region = Objects.requireNonNull(region, "region");
        this.file = Objects.requireNonNull(file, "file");
        this.log = file.map(f -> new ChangeLogFile(f.path().resolveSibling(f.path().getFileName() + ".log")));
        this.file.ifPresent(this::load);
    }

    <T> T read(Function<SiteState, T> query) {
        lock.lock();
        try {
            return query.apply(state);
        } finally {
            lock.unlock();
        }
    }

    <T> T write(Function<SiteState, T> change) {
        T result;
        boolean joinsAnOuterChange;
        lock.lock();
        try {
            joinsAnOuterChange = lock.getHoldCount() > 1;
            if (joinsAnOuterChange) {
                result = change.apply(state);
            } else {
                state.beginChange();
                try {
                    result = change.apply(state);
                    SiteState.Change changed = state.changed();
                    if (log.isPresent() && !changed.isEmpty()) {
                        append(log.get(), changed);
                    }
                    state.endChange();
                } catch (RuntimeException e) {
                    // A composite change (a bulk create) refused half-way goes back whole, as Neutron's transaction.
                    state.undoChange();
                    throw e;
                }
            }
        } finally {
            lock.unlock();
        }
        if (!joinsAnOuterChange) {
            listeners.forEach(Runnable::run); // outside the lock: a listener may read the state
        }
        return result;
    }

    /** {@code listener} runs after every completed outermost change (a data plane following the VIM). */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** {@link #write} for a change without a result. */
    void change(Consumer<SiteState> change) {
        write(state -> {
            change.accept(state);
            return null;
        });
    }

    private void append(ChangeLogFile target, SiteState.Change changed) {
        try {
            target.append(LoggedChange.of(changed));
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedVimException(500, "InternalError",
                    "Could not write the state of the simulated site to " + target.path() + ".", e.toString(), e);
        }
        try {
            if (target.size() >= Math.max(MIN_LOG_BYTES_BEFORE_SNAPSHOT, snapshotBytes)) {
                file.get().write(region.name(), state.contents());
                snapshotBytes = file.get().size();
                target.clear();
            }
        } catch (IOException | RuntimeException e) {
            // The change is safe in the log; the snapshot is tried again after the next change.
            LOG.log(System.Logger.Level.WARNING, "could not write the snapshot " + file.get().path() + ": " + e);
        }
    }

    private void load(SnapshotFile source) {
        try {
            boolean rewrite = false;
            if (source.exists()) {
                SnapshotFile.Read read = source.read();
                state.restore(read.contents());
                snapshotBytes = source.size();
                rewrite = read.withoutOwners(); // the owners filled in now must not depend on the setting later
            }
            for (LoggedChange change : log.get().read()) {
                state.apply(change.change());
            }
            if (rewrite) {
                source.write(region.name(), state.contents());
                snapshotBytes = source.size();
                log.get().clear();
            }
        } catch (IOException | RuntimeException e) {
            throw new VimException(region, "cannot read the snapshot " + source.path() + " or its change log: "
                    + e.getMessage(), e);
        }
    }
}
