package org.diminet.server.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diminet.dataplane.linux.site.LinuxPrerequisite;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code diminet table4}: the paper's resiliency experiment with real packets, printed as its Table IV. */
@Command(name = "table4", mixinStandardHelpOptions = true,
        description = "Reproduce the paper's Table IV: an L2 extension between two sites with the linux data plane,"
                + " traffic before, during and after a cut of one site's link (needs root and FRR).")
final class ResiliencyCommand implements Callable<Integer> {

    @Option(names = "--base-port", defaultValue = "7685", description = "port of the first site (default ${DEFAULT-VALUE})")
    int basePort;

    @Override
    public Integer call() throws Exception {
        if (LinuxPrerequisite.missing().isPresent()) {
            System.err.println("diminet table4: needs the linux data plane: " + LinuxPrerequisite.missing().get());
            return 2;
        }
        Path root = Files.createTempDirectory("diminet-table4-");
        List<DemoCommand.DemoSite> plan = DemoCommand.DemoSite.plan(2, basePort, root);
        LocalIdentity identity = LocalIdentity.generate(plan.stream().map(DemoCommand.DemoSite::region).toList());
        List<ConfigurableApplicationContext> sites = List.of();
        try {
            sites = ResiliencyExperiment.startSites(plan, identity, Map.of("logging.level.org.diminet", "WARN"));
            ResiliencyExperiment.Report report = new ResiliencyExperiment(plan, identity).run(sites);
            System.out.println();
            System.out.print(report.table());
            return 0;
        } finally {
            sites.forEach(ConfigurableApplicationContext::close);
            FileSystemUtils.deleteRecursively(root.toFile());
        }
    }
}
