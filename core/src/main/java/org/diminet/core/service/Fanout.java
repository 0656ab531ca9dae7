package org.diminet.core.service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one call per site (or per step) in parallel, each on its own virtual thread, and waits for all of them. This
 * is what keeps a create at one round trip however many sites take part: the time is that of the
 * slowest site, not the sum.
 */
public final class Fanout implements AutoCloseable {
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public <K, T> Map<K, Outcome<T>> call(Collection<K> sites, Function<K, T> call) {
        Map<K, Future<T>> futures = new LinkedHashMap<>();
        for (K site : sites) {
            futures.put(site, executor.submit(() -> call.apply(site)));
        }
        Map<K, Outcome<T>> outcomes = new LinkedHashMap<>();
        futures.forEach((site, future) -> outcomes.put(site, await(future)));
        return outcomes;
    }

    /**
     * As {@link #call}, but gives up on a call that has not finished within {@code limit} (it fails
     * with a timeout; the call itself is interrupted): a VIM that hangs must not hold an operation
     * for ever.
     */
    public <K, T> Map<K, Outcome<T>> call(Collection<K> keys, Function<K, T> call, java.time.Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<K, Future<T>> futures = new LinkedHashMap<>();
        for (K key : keys) {
            futures.put(key, executor.submit(() -> call.apply(key)));
        }
        Map<K, Outcome<T>> outcomes = new LinkedHashMap<>();
        futures.forEach((key, future) -> {
            try {
                long left = Math.max(deadline - System.nanoTime(), 0);
                outcomes.put(key, new Outcome.Ok<>(future.get(left, java.util.concurrent.TimeUnit.NANOSECONDS)));
            } catch (java.util.concurrent.TimeoutException e) {
                future.cancel(true);
                outcomes.put(key, new Outcome.Failed<>(new IllegalStateException(
                        "no answer within " + limit.toMillis() + " ms")));
            } catch (ExecutionException | InterruptedException e) {
                outcomes.put(key, await(future));
            }
        });
        return outcomes;
    }

    /** Starts one piece of work now, to run beside a fan-out (e.g. the master's own data-plane work). */
    public <T> Future<T> start(java.util.concurrent.Callable<T> work) {
        return executor.submit(work);
    }

    /** Runs work in the background, e.g. telling sites about a change after the user got the answer. */
    public void background(Runnable work) {
        executor.submit(work);
    }

    private static <T> Outcome<T> await(Future<T> future) {
        try {
            return new Outcome.Ok<>(future.get());
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
