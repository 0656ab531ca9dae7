package org.diminet.core.service;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.ServiceType;

/**
 * Logs how long each phase of a multi-site operation took, with the service's global id, so that a
 * slow create can be pinned on a site or a step (the paper could not explain its growth with N), and
 * tells a {@link PhaseListener} (the server's metrics), which keeps the durations per kind of phase.
 */
public final class PhaseLog {
    private static final Logger LOG = System.getLogger("org.diminet.phases");
    private final Region region;
    private final PhaseListener listener;

    /** @param region the site whose phases these are (several sites may share one JVM and log) */
    public PhaseLog(Region region) {
        this(region, PhaseListener.NONE);
    }

    public PhaseLog(Region region, PhaseListener listener) {
        this.region = region;
        this.listener = listener;
    }

    /** A phase this site runs itself, logged as {@code phase=<phase>}. */
    public <T> T timed(GlobalId id, ServiceType type, String phase, Supplier<T> work) {
        return time(id, Optional.of(type), phase, phase, region, work);
    }

    public void timed(GlobalId id, ServiceType type, String phase, Runnable work) {
        timed(id, type, phase, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Work of this site that belongs to no single service (e.g. a journal transaction): timed and counted,
     * not logged line by line, as it runs many times per operation.
     */
    public <T> T timedSite(String phase, Supplier<T> work) {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            T result = work.get();
            failed = false;
            return result;
        } finally {
            tell(new TimedPhase(Optional.empty(), phase, region, Duration.ofNanos(System.nanoTime() - start), !failed));
        }
    }

    /** A step of an operation, run at {@code at} (this site or a peer), logged as {@code phase=<step>@<at>}. */
    public <T> T timedStep(GlobalId id, Optional<ServiceType> type, String step, Region at, Supplier<T> work) {
        return time(id, type, step, step + "@" + at, at, work);
    }

    private <T> T time(GlobalId id, Optional<ServiceType> type, String phase, String logged, Region at,
                       Supplier<T> work) {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            T result = work.get();
            failed = false;
            return result;
        } finally {
            long nanos = System.nanoTime() - start;
            LOG.log(Level.INFO, "site={0} service={1} phase={2} took_ms={3} {4}", region, id, logged,
                    String.format("%.1f", nanos / 1e6), failed ? "failed" : "ok");
            tell(new TimedPhase(type, phase, at, Duration.ofNanos(nanos), !failed));
        }
    }

    /** Counting must never fail an operation. */
    private void tell(TimedPhase phase) {
        try {
            listener.phaseDone(phase);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "site={0}: the phase listener failed on {1}: {2}", region, phase.name(), e);
        }
    }
}
