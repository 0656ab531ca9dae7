package org.diminet.server.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a {@link FaultProxy} has seen, for tests that must know a protocol step happened ("the master's
 * DELETE reached RegionTwo") or act at that very moment (hooks, e.g. SIGKILL a site while its request
 * is in flight). Requests are recorded when their head has been read, before any fault or forwarding.
 */
final class RequestLog {
    private final List<SeenRequest> seen = new ArrayList<>(); // guarded by this
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();

    /** A registered action; {@link #close()} unregisters it. */
    final class Hook implements FaultProxy.Registration {
        private final RequestMatcher matcher;
        private final Runnable action;
        private final boolean once;
        private final AtomicBoolean spent = new AtomicBoolean();

        private Hook(RequestMatcher matcher, Runnable action, boolean once) {
            this.matcher = matcher;
            this.action = action;
            this.once = once;
        }

        private void fire(SeenRequest request) {
            if (!matcher.matches(request) || (once && !spent.compareAndSet(false, true))) {
                return;
            }
            if (once) {
                hooks.remove(this);
            }
            try {
                action.run();
            } catch (RuntimeException e) {
                System.err.println("FaultProxy hook for " + matcher + " failed on " + request + ": " + e);
                e.printStackTrace();
            }
        }

        @Override
        public void close() {
            hooks.remove(this);
        }
    }

    /** Records a request and runs the hooks that match it, on the calling (connection) thread. */
    SeenRequest record(String method, String target) {
        SeenRequest request;
        synchronized (this) {
            request = new SeenRequest(seen.size() + 1L, method, target, Instant.now());
            seen.add(request);
            notifyAll();
        }
        hooks.forEach(hook -> hook.fire(request));
        return request;
    }

    Hook addHook(RequestMatcher matcher, Runnable action, boolean once) {
        Hook hook = new Hook(matcher, action, once);
        hooks.add(hook);
        return hook;
    }

    synchronized int count(RequestMatcher matcher) {
        return (int) seen.stream().filter(matcher::matches).count();
    }

    synchronized List<SeenRequest> all() {
        return List.copyOf(seen);
    }

    synchronized void clear() {
        seen.clear();
    }

    /**
     * Waits until at least {@code count} matching requests have been seen in all.
     *
     * @return the {@code count}-th matching request
     * @throws AssertionError on timeout, listing what was seen
     */
    synchronized SeenRequest await(RequestMatcher matcher, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<SeenRequest> matching = seen.stream().filter(matcher::matches).toList();
            if (matching.size() >= count) {
                return matching.get(count - 1);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + (count == 1 ? "request" : count + " requests") + " matching "
                        + matcher + " within " + timeout + "; seen: " + seen);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
