package org.diminet.core.service;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.Region;

/**
 * Logs how long each phase of a multi-site operation took, with the service's global id, so that a
 * slow create can be pinned on a site or a step (the paper could not explain its growth with N).
 */
public final class PhaseLog {
    private static final Logger LOG = System.getLogger("org.diminet.phases");
    private final Region region;

    /** @param region the site whose phases these are (several sites may share one JVM and log) */
    public PhaseLog(Region region) {
        this.region = region;
    }

    public <T> T timed(GlobalId id, String phase, Supplier<T> work) {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            T result = work.get();
            failed = false;
            return result;
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            LOG.log(Level.INFO, "site={0} service={1} phase={2} took_ms={3} {4}", region, id, phase,
                    String.format("%.1f", micros / 1000.0), failed ? "failed" : "ok");
        }
    }

    public void timed(GlobalId id, String phase, Runnable work) {
        timed(id, phase, () -> {
            work.run();
            return null;
        });
    }
}
