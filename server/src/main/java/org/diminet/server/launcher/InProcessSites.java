package org.diminet.server.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.diminet.server.bench.SiteRunner;
import org.springframework.context.ConfigurableApplicationContext;

/** The benchmark's quick mode: every site a Spring context in the benchmark's own JVM (no resident memory of its own). */
final class InProcessSites implements SiteRunner {

    @Override
    public RunningSite start(String region, Path dir, Map<String, String> settings) {
        ConfigurableApplicationContext context = SiteLauncher.start(settings);
        return new RunningSite() {
            @Override
            public OptionalLong pid() {
                return OptionalLong.empty();
            }

            @Override
            public boolean isAlive() {
                return context.isActive();
            }

            @Override
            public String logTail(int lines) {
                return "";
            }

            @Override
            public void close() {
                context.close();
            }
        };
    }

    @Override
    public boolean separateProcesses() {
        return false;
    }
}
