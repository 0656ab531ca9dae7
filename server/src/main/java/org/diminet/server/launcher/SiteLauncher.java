package org.diminet.server.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.diminet.server.DiminetApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one site as its own Spring application context. Several contexts can run in one JVM (the
 * demo, the integration tests); each has its own port, database, embedded VIM and beans.
 */
public final class SiteLauncher {
    private SiteLauncher() {
    }

    /**
     * @param settings Spring properties for this site; passed as command-line arguments so they win
     *                 over the defaults in application.properties and over a --config file
     */
    public static ConfigurableApplicationContext start(Map<String, ?> settings) {
        Object dataDir = settings.get("diminet.data-dir");
        if (dataDir != null) {
            // H2 creates missing parent directories itself, but not safely when sites start in parallel.
            try {
                Files.createDirectories(Path.of(dataDir.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data directory " + dataDir, e);
            }
        }
        String[] args = settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(DiminetApplication.class)
                .registerShutdownHook(true)
                .run(args);
    }
}
