package org.diminet.server.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.diminet.dataplane.linux.site.LinuxPrerequisite;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The paper's Table IV, with real packets: intra-site traffic flows before, during and after a cut of
 * site B's link; inter-site traffic before and after but not during; a machine created at B during the
 * cut gets an address of B's pool and talks to B's machines; traffic resumes after the link returns.
 */
@Tag("linux")
class ResiliencyExperimentTest {

    @Test
    void tableIvHoldsWithRealTraffic() throws Exception {
        Assumptions.assumeTrue(LinuxPrerequisite.missing().isEmpty(), () -> "skipped: " + LinuxPrerequisite.missing().orElse(""));
        Path root = Files.createTempDirectory("diminet-table4-test-");
        int base;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            base = probe.getLocalPort();
        }
        List<DemoCommand.DemoSite> plan = DemoCommand.DemoSite.plan(2, base, root);
        LocalIdentity identity = LocalIdentity.generate(plan.stream().map(DemoCommand.DemoSite::region).toList());
        List<ConfigurableApplicationContext> sites = List.of();
        try {
            sites = ResiliencyExperiment.startSites(plan, identity, Map.of());
            ResiliencyExperiment.Report report = new ResiliencyExperiment(plan, identity).run(sites);
            System.out.print(report.table());

            assertThat(List.of(report.intraBefore(), report.intraDuring(), report.intraAfter())).containsOnly(true);
            assertThat(List.of(report.interBefore(), report.interDuring(), report.interAfter())).containsExactly(true, false, true);
            assertThat(report.newMachineInBPool()).as("%s in %s", report.newMachineAddress(), report.siteBPool()).isTrue();
            assertThat(report.newMachineTalksLocally()).isTrue();
            assertThat(report.interResumedAfter()).isLessThan(Duration.ofSeconds(60));
        } finally {
            sites.forEach(ConfigurableApplicationContext::close);
            FileSystemUtils.deleteRecursively(root.toFile());
        }
    }
}
