package org.diminet.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diminet.server.launcher.DiminetMain;
import org.diminet.server.launcher.LocalIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark end to end at its smallest: two sites as separate JVMs (from the test classpath), three
 * measured creates of each type, the tables printed. Not the benchmark itself, which runs on demand.
 */
class BenchSmokeTest {

    @Test
    void aTwoSiteProcessRunPrintsThePaperShapedTable(@TempDir Path dir) throws Exception {
        BenchOptions options = new BenchOptions(List.of(2), 3, 1, 4, List.of(Duration.ZERO), Duration.ofMillis(2),
                EnumSet.of(BenchOptions.Workload.LATENCY), 2, 1, 2, 10, List.of(0), 10, 1,
                Map.of("logging.level.org.diminet.phases", "WARN"), 2, false, Files.createDirectories(dir.resolve("work")),
                java.util.Optional.empty());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SiteProcesses processes = new SiteProcesses(DiminetMain.class.getName(), SiteProcesses.DEFAULT_JVM_OPTIONS);
        new Benchmark(options, processes, BenchSmokeTest::identity,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("sites: one JVM each", "| L3 p50 ", "| L2 p50 ", "| L3 floor ", "p50 / floor",
                "Where the time goes", "VIM latency 2 ms");
        // The floor counts the injected VIM latency: 2 calls × 2 ms at an L3 site, 3 at an L2 one.
        assertThat(output).contains("2 VIM calls × 2.0", "3 VIM calls × 2.0");
        // Phases came from the sites' Prometheus endpoints.
        assertThat(output).contains("create-total", "local-create-part");
        try (var left = Files.list(dir.resolve("work"))) {
            assertThat(left).as("the sites' directories are removed").isEmpty();
        }
    }

    private static BenchIdentity identity(List<String> regions) {
        LocalIdentity identity = LocalIdentity.generate(regions);
        Map<String, String> settings = new LinkedHashMap<>();
        identity.settings().forEach((key, value) -> settings.put(key, String.valueOf(value)));
        String token = identity.tokenFor(LocalIdentity.ADMIN);
        return new BenchIdentity() {
            @Override
            public Map<String, String> siteSettings() {
                return settings;
            }

            @Override
            public String adminToken() {
                return token;
            }
        };
    }
}
