package org.diminet.server.it;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes every thread of this JVM, virtual ones included, to {@code target/thread-dumps/} when a request to
 * an in-process site gets no answer: the sites run in the test's JVM, so the dump shows where they hang.
 */
final class ThreadDumps {
    private ThreadDumps() {
    }

    /** Writes a dump and says where it is (or why there is none). */
    static String write(String why) {
        try {
            Path directory = Path.of("target", "thread-dumps");
            Files.createDirectories(directory);
            Path file = directory.resolve(Instant.now().toString().replace(':', '-') + ".txt").toAbsolutePath();
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            System.err.println("thread dump after " + why + ": " + file);
            return "threads dumped to " + file;
        } catch (IOException | RuntimeException e) {
            return "no thread dump: " + e;
        }
    }
}
