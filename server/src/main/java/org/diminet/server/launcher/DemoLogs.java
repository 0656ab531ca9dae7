package org.diminet.server.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the demo's logs go. Every site writes to one file in the data directory; the console shows the
 * demo's summary and then one line per inter-site event (and errors), unless {@code --verbose} asks for
 * Spring Boot's usual console logging as well. {@code ./diminet server} keeps the usual console logging.
 */
final class DemoLogs {
    static final String FILE_NAME = "diminet.log";
    /** Events and errors on the console, everything in the file: see the file's own comment. */
    static final String QUIET_CONFIG = "classpath:diminet-demo-logback.xml";

    private DemoLogs() {
    }

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** Spring properties for each demo site (they share the JVM's logging, so they must be the same for all). */
    static Map<String, Object> settings(Path dataDir, boolean verbose) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("logging.file.name", file(dataDir).toString());
        if (!verbose) {
            settings.put("logging.config", QUIET_CONFIG);
        }
        return settings;
    }
}
