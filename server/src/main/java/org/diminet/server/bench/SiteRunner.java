package org.diminet.server.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How the benchmark runs a site: as its own JVM ({@link SiteProcesses}, the default) or inside the
 * benchmark's JVM (the launcher's quick mode). {@link #start} returns once the site is launched; the
 * {@link BenchCluster} then waits for its {@code /api/health}.
 */
public interface SiteRunner {

    /**
     * @param dir      a directory of this site's own (its data directory is {@code dir/data}; a process
     *                 also keeps its settings and log there)
     * @param settings every Spring and {@code diminet.*} setting of the site
     */
    RunningSite start(String region, Path dir, Map<String, String> settings);

    /** Whether each site has a process of its own (resident memory and restarts are then its own). */
    boolean separateProcesses();

    /** A site started by a runner. */
    interface RunningSite extends AutoCloseable {
        /** The site's own process id; empty when it shares the benchmark's JVM. */
        OptionalLong pid();

        /** False once the site has stopped or died. */
        boolean isAlive();

        /** The last lines of the site's log, for failure messages ("" when it has none of its own). */
        String logTail(int lines);

        /** Stops the site (gracefully when it can) and waits until it is gone. */
        @Override
        void close();
    }
}
