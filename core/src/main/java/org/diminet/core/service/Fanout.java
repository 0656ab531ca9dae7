package org.diminet.core.service;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs one call per site (or per step) in parallel, each on its own virtual thread, and waits for all of them. This
 * is what keeps a create at one round trip however many sites take part: the time is that of the
 * slowest site, not the sum.
 */
public final class Fanout implements AutoCloseable {
    private final ExecutorService executor;

    public Fanout() {
        this(Executors.newVirtualThreadPerTaskExecutor());
    }

    /**
     * @param executor runs the calls; an adapter may wrap a virtual-thread executor so that what the caller's
     *                 thread carries (e.g. the trace a request belongs to) goes with every call to a site
     */
    public Fanout(ExecutorService executor) {
        this.executor = java.util.Objects.requireNonNull(executor, "executor");
    }

    public <K, T> Map<K, Outcome<T>> call(Collection<K> keys, Function<K, T> call) {
        return call(keys, call, null);
    }

    /**
     * As {@link #call(Collection, Function)}, but gives up on a call that has not finished within
     * {@code limit} (it fails with a timeout; the call itself is interrupted): a VIM that hangs must not
     * hold an operation for ever. A null limit waits as long as the calls take.
     */
    public <K, T> Map<K, Outcome<T>> call(Collection<K> keys, Function<K, T> call, Duration limit) {
        long deadline = limit == null ? 0 : System.nanoTime() + limit.toNanos();
        Map<K, Future<T>> futures = new LinkedHashMap<>();
        for (K key : keys) {
            futures.put(key, executor.submit(() -> call.apply(key)));
        }
        Map<K, Outcome<T>> outcomes = new LinkedHashMap<>();
        futures.forEach((key, future) -> outcomes.put(key, await(future, limit, deadline)));
        return outcomes;
    }

    /** Runs work in the background, e.g. telling sites about a change after the user got the answer. */
    public void background(Runnable work) {
        executor.submit(work);
    }

    private static <T> Outcome<T> await(Future<T> future, Duration limit, long deadline) {
        try {
            return new Outcome.Ok<>(limit == null ? future.get()
                    : future.get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome.Failed<>(new IllegalStateException("no answer within " + limit.toMillis() + " ms"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Outcome.Failed<>(cause instanceof RuntimeException re ? re : new IllegalStateException(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed<>(new IllegalStateException("interrupted while waiting for a site", e));
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
