package org.diminet.server.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts N sites in this process, each with its own database and embedded VIM under the data
 * directory, all peers of each other, seeded with example networks on first start.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run several DIMINET sites at once on 127.0.0.1 with embedded VIMs (Ctrl-C stops them).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--sites", defaultValue = "3", description = "how many sites (2 to 10, default ${DEFAULT-VALUE})")
    int sites;

    @Option(names = "--base-port", defaultValue = "7575", description = "port of the first site; the others follow (default ${DEFAULT-VALUE})")
    int basePort;

    @Option(names = "--data-plane", defaultValue = "none", description = "none (bookkeeping only, default) or linux:"
            + " real packets between the sites' machines (namespaces, VXLAN, FRR BGP EVPN; needs root and FRR)")
    String dataPlane;

    @Option(names = "--data-dir", defaultValue = "data/demo", description = "where the sites keep their data (default ${DEFAULT-VALUE}); it survives a restart")
    Path dataDir;

    @Option(names = "--rate-limit", paramLabel = "N", description = "requests per second each token may make at each"
            + " site (0: no limit, for test harnesses such as Tempest that call faster than a user); default: the"
            + " site's own (diminet.auth.rate-limit, 50)")
    Integer rateLimit;

    @Option(names = "--verbose", description = "show the sites' logs on the console too; without it the console"
            + " shows one line per inter-site event and the logs go to " + DemoLogs.FILE_NAME + " in the data directory")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (sites < 2 || sites > 10) {
            System.err.println("diminet demo: --sites must be between 2 and 10, got " + sites);
            return 2;
        }
        if (!dataPlane.equals("none") && !dataPlane.equals("linux")) {
            System.err.println("diminet demo: --data-plane is none or linux, got " + dataPlane);
            return 2;
        }
        if (dataPlane.equals("linux") && org.diminet.dataplane.linux.site.LinuxPrerequisite.missing().isPresent()) {
            System.err.println("diminet demo: --data-plane linux cannot run here: "
                    + org.diminet.dataplane.linux.site.LinuxPrerequisite.missing().get());
            return 2;
        }
        List<DemoSite> plan = DemoSite.plan(sites, basePort, dataDir.toAbsolutePath());
        LocalIdentity identity = DemoIdentity.loadOrCreate(dataDir.toAbsolutePath(),
                plan.stream().map(DemoSite::region).toList());
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping " + started.size() + " sites...");
            started.forEach(ConfigurableApplicationContext::close);
        }));
        // One after the other: contexts share the JVM's logging system, which each start re-initialises.
        for (DemoSite site : plan) {
            Map<String, Object> settings = site.settings(plan);
            settings.putAll(identity.settings());
            settings.put("diminet.auth.token-lifetime", "12h");
            settings.putAll(DemoLogs.settings(dataDir.toAbsolutePath(), verbose));
            if (rateLimit != null) {
                settings.put("diminet.auth.rate-limit", rateLimit);
            }
            if (dataPlane.equals("linux")) {
                settings.putAll(site.linuxSettings(plan));
            }
            started.add(SiteLauncher.start(settings));
        }
        List<DemoSeeder.SeededSite> seeded = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            seeded.add(DemoSeeder.seed(plan.get(i), started.get(i)));
        }
        List<DemoIdentity.DemoToken> tokens = DemoIdentity.issueTokens(identity, started.get(0), plan.get(0).url());
        DemoIdentity.writeTokens(dataDir.toAbsolutePath(), plan.get(0).url() + "/v3", tokens);
        DemoSeeder.printGuide(seeded, tokens, identity, dataDir.toAbsolutePath().resolve(DemoIdentity.TOKENS_FILE),
                dataPlane.equals("linux"), DemoLogs.file(dataDir.toAbsolutePath()), verbose);
        return 0;
    }

    /** One demo site: its region, port and data directory. */
    record DemoSite(int index, String region, int port, Path dataDir) {
        private static final String[] NUMBERS = {"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"};

        static List<DemoSite> plan(int count, int basePort, Path root) {
            List<DemoSite> sites = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String region = "Region" + NUMBERS[i];
                sites.add(new DemoSite(i + 1, region, basePort + i, root.resolve(region)));
            }
            return sites;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        /** The linux data plane's place: 10.255.0.<index> on the WAN, every other site a BGP neighbour. */
        Map<String, Object> linuxSettings(List<DemoSite> all) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("diminet.data-plane.driver", "linux");
            settings.put("diminet.data-plane.linux.underlay", "10.255.0." + index + "/24");
            for (DemoSite other : all) {
                if (other != this) {
                    settings.put("diminet.data-plane.linux.peers." + other.region, "10.255.0." + other.index);
                }
            }
            return settings;
        }

        Map<String, Object> settings(List<DemoSite> all) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("diminet.region", region);
            settings.put("server.port", port);
            settings.put("diminet.data-dir", dataDir.toString());
            for (DemoSite other : all) {
                if (other != this) {
                    settings.put("diminet.peers." + other.region, other.url());
                }
            }
            return settings;
        }
    }
}
