package org.diminet.server.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diminet.core.domain.Cidr;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.Vim;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures how long creating a service takes as the number of sites grows, on in-process sites with
 * embedded VIMs over real HTTP on loopback. DIMINET's protocol needs one parallel round per create,
 * so the figures should stay flat in the number of sites.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Print creation times of L3 and L2 services for 2..N sites (embedded VIMs, loopback HTTP).")
final class BenchCommand implements Callable<Integer> {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--max-sites", defaultValue = "6", description = "largest number of sites (default ${DEFAULT-VALUE})")
    int maxSites;

    @Option(names = "--repeat", defaultValue = "30", description = "measured creates per point (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--warmup", defaultValue = "10", description = "unmeasured creates first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--base-port", defaultValue = "7675", description = "port of the first site (default ${DEFAULT-VALUE})")
    int basePort;

    @Option(names = "--log-phases", description = "log every phase of every create (site, global id, ms)")
    boolean logPhases;

    @Option(names = "--lab-env", description = "run the sites beside the OpenStack lab described by this env file"
            + " (lab/.state/env): Keystone, one Neutron per region, BGPVPN; --max-sites is then the lab's region count")
    Path labEnv;

    @Override
    public Integer call() throws Exception {
        if (maxSites < 2 || maxSites > 10) {
            System.err.println("diminet bench: --max-sites must be between 2 and 10");
            return 2;
        }
        Path root = Files.createTempDirectory("diminet-bench-");
        Map<String, String> lab = labEnv == null ? Map.of() : LabSettings.read(labEnv);
        List<DemoCommand.DemoSite> plan = lab.isEmpty()
                ? DemoCommand.DemoSite.plan(maxSites, basePort, root)
                : LabSettings.plan(lab, root);
        maxSites = plan.size();
        List<ConfigurableApplicationContext> sites = new ArrayList<>();
        LocalIdentity identity = LocalIdentity.generate(plan.stream().map(DemoCommand.DemoSite::region).toList());
        try {
            for (DemoCommand.DemoSite site : plan) {
                Map<String, Object> settings = lab.isEmpty() ? site.settings(plan) : LabSettings.siteSettings(lab, site);
                if (lab.isEmpty()) {
                    settings.putAll(identity.settings());
                }
                settings.put("diminet.auth.rate-limit", "0"); // the benchmark is the one flood we want
                settings.put("logging.level.org.diminet.phases", logPhases ? "INFO" : "WARN");
                sites.add(SiteLauncher.start(settings));
            }
            // An admin's token: the embedded identity's, or beside OpenStack DIMINET's own Keystone user's.
            token = lab.isEmpty() ? identity.tokenFor(LocalIdentity.ADMIN)
                    : sites.get(0).getBean(org.diminet.openstack.keystone.KeystoneSession.class).token();
            project = sites.get(0).getBean(org.diminet.server.auth.TokenValidator.class).validate(token)
                    .orElseThrow(() -> new IllegalStateException("the benchmark's own token is refused")).projectId();
            System.out.printf("%nDIMINET creation time (%s), %d measured creates per point after %d warm-up, ms%n",
                    lab.isEmpty() ? "embedded VIMs" : "OpenStack lab: Keystone, Neutron, BGPVPN", repeat, warmup);
            System.out.printf("%-5s %-6s %8s %8s %8s %8s%n", "type", "sites", "mean", "median", "p90", "max");
            double rtt = roundTrip(plan.get(1).url());
            for (String type : List.of("L3", "L2")) {
                for (int n = 2; n <= maxSites; n++) {
                    double[] times = measure(type, n, plan, sites);
                    System.out.printf("%-5s %-6d %8.2f %8.2f %8.2f %8.2f%n", type, n, mean(times),
                            percentile(times, 50), percentile(times, 90), percentile(times, 100));
                }
            }
            System.out.printf("for reference: one HTTP round trip to a peer (GET /api/region) %.2f ms%n", rtt);
            return 0;
        } finally {
            sites.forEach(ConfigurableApplicationContext::close);
            FileSystemUtils.deleteRecursively(root.toFile());
        }
    }

    private double[] measure(String type, int n, List<DemoCommand.DemoSite> plan,
                             List<ConfigurableApplicationContext> sites) throws Exception {
        double[] times = new double[repeat];
        for (int round = -warmup; round < repeat; round++) {
            ObjectNode body = JSON.createObjectNode().put("name", "bench-" + type + "-" + n).put("type", type);
            ArrayNode resources = body.putArray("resources");
            for (int i = 0; i < n; i++) {
                ObjectNode resource = resources.addObject().put("region", plan.get(i).region());
                if (i == 0 || type.equals("L3")) {
                    // A fresh network per create and site, so every create does the full work.
                    String cidr = type.equals("L3") ? "10." + (i + 1) + "." + Math.floorMod(round, 250) + ".0/24"
                            : "172.16." + Math.floorMod(round + n * 7, 250) + ".0/24";
                    resource.put("network", network(sites.get(i), "bench", cidr));
                }
            }
            long start = System.nanoTime();
            HttpResponse<String> created = send("POST", plan.get(0).url() + "/api/intersite-vertical", body.toString());
            long elapsed = System.nanoTime() - start;
            if (created.statusCode() != 201) {
                throw new IllegalStateException("create failed: " + created.statusCode() + " " + created.body());
            }
            if (round >= 0) {
                times[round] = elapsed / 1e6;
            }
            JsonNode service = JSON.readTree(created.body());
            HttpResponse<String> deleted = send("DELETE",
                    plan.get(0).url() + "/api/intersite-vertical/" + service.get("global_id").asText(), null);
            if (deleted.statusCode() != 204) {
                throw new IllegalStateException("delete failed: " + deleted.statusCode() + " " + deleted.body());
            }
            for (JsonNode r : service.get("resources")) {
                int index = plan.stream().map(DemoCommand.DemoSite::region).toList().indexOf(r.get("region").asText());
                if (index == 0 || type.equals("L3")) {
                    sites.get(index).getBean(Vim.class).deleteNetwork(org.diminet.core.domain.NetworkId.of(r.get("network").asText()));
                }
            }
        }
        return times;
    }

    private String token;
    private String project;

    private String network(ConfigurableApplicationContext site, String name, String cidr) {
        Cidr parsed = new Cidr(cidr);
        return site.getBean(Vim.class)
                .createNetworkWithSubnet(name, project, new SubnetSpec(parsed, parsed.defaultGateway(), List.of())).id().value();
    }

    private double roundTrip(String url) throws Exception {
        double[] times = new double[50];
        for (int i = -20; i < times.length; i++) {
            long start = System.nanoTime();
            send("GET", url + "/api/region", null);
            if (i >= 0) {
                times[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return percentile(times, 50);
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-Auth-Token", token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
