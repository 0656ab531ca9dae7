package org.diminet.dataplane.linux;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stopping processes by id: SIGTERM, a grace period, then SIGKILL. */
final class Processes {
    private Processes() {
    }

    static void stop(List<Long> pids, Duration grace) {
        List<ProcessHandle> handles = pids.stream()
                .map(ProcessHandle::of)
                .flatMap(Optional::stream)
                .filter(ProcessHandle::isAlive)
                .toList();
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : handles) {
            long left = Math.max(deadline - System.nanoTime(), 0);
            if (!awaitExit(handle, left)) {
                handle.destroyForcibly();
                awaitExit(handle, TimeUnit.SECONDS.toNanos(2));
            }
        }
    }

    private static boolean awaitExit(ProcessHandle handle, long nanos) {
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }
}
