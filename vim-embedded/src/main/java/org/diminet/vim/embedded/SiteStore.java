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
 * correctness beats throughput) and, when the site has a snapshot file, every change is written to it
 * before the lock is released.
 *
 * <p>Operations validate before they change anything, so a refused one leaves the state as it was; if the
 * snapshot cannot be written the change is undone, so memory and file never disagree. A change made inside
 * another one joins it: only the outermost writes the file, so a composite operation that undoes its own
 * first step on failure never leaves that step on disk.
 */
final class SiteStore {

    private final Region region;
    private final Optional<SnapshotFile> file;
    private final SiteState state = new SiteState();
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param file loaded now if it exists
     * @throws VimException naming the region when the file exists but cannot be read
     */
    SiteStore(Region region, Optional<SnapshotFile> file) {
        this.region = Objects.requireNonNull(region, "region");
        this.file = Objects.requireNonNull(file, "file");
        this.file.filter(SnapshotFile::exists).ifPresent(this::load);
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
            if (file.isEmpty() || joinsAnOuterChange) {
                result = change.apply(state);
            } else {
                SiteState.Contents before = state.contents();
                result = change.apply(state);
                save(file.get(), before);
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

    private void save(SnapshotFile target, SiteState.Contents rollbackTo) {
        try {
            target.write(region.name(), state.contents());
        } catch (IOException | RuntimeException e) {
            state.restore(rollbackTo);
            throw new EmbeddedVimException(500, "InternalError",
                    "Could not write the state of the simulated site to " + target.path() + ".", e.toString(), e);
        }
    }

    private void load(SnapshotFile source) {
        try {
            state.restore(source.read());
        } catch (IOException | RuntimeException e) {
            throw new VimException(region, "cannot read the snapshot " + source.path() + ": " + e.getMessage(), e);
        }
    }
}
