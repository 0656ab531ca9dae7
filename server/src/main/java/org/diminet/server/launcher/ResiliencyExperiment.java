package org.diminet.server.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.diminet.dataplane.linux.Command;
import org.diminet.dataplane.linux.CommandFailedException;
import org.diminet.dataplane.linux.LinuxNetwork;
import org.diminet.dataplane.linux.Naming;
import org.diminet.dataplane.linux.PingResult;
import org.diminet.dataplane.linux.ProcessRunner;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The paper's resiliency experiment (section V-C, Table IV) with real packets: an L2 extension of
 * 10.0.0.0/24 between sites A and B with two machines at each; intra- and inter-site traffic checked
 * before, during and after a cut of B's link to the WAN; a machine created at B during the cut; the time
 * inter-site traffic takes to stop after the cut and to resume after it; and round-trip time and TCP
 * throughput between two sites next to the same inside one site.
 */
final class ResiliencyExperiment {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration STEP = Duration.ofMillis(200);

    private final List<DemoCommand.DemoSite> plan;
    private final LocalIdentity identity;
    private final ProcessRunner shell = new ProcessRunner();
    private final LinuxNetwork net = new LinuxNetwork(shell, Naming.defaults());
    private String token;

    ResiliencyExperiment(List<DemoCommand.DemoSite> plan, LocalIdentity identity) {
        this.plan = plan;
        this.identity = identity;
    }

    /** The experiment's sites: the plan's, with the identity and the linux data plane, started one after the other. */
    static List<ConfigurableApplicationContext> startSites(List<DemoCommand.DemoSite> plan, LocalIdentity identity,
                                                           Map<String, Object> extraSettings) {
        List<ConfigurableApplicationContext> sites = new java.util.ArrayList<>();
        try {
            for (DemoCommand.DemoSite site : plan) {
                Map<String, Object> settings = site.settings(plan);
                settings.putAll(identity.settings());
                settings.putAll(site.linuxSettings(plan));
                settings.putAll(extraSettings);
                sites.add(SiteLauncher.start(settings));
            }
            return sites;
        } catch (RuntimeException e) {
            sites.forEach(ConfigurableApplicationContext::close);
            throw e;
        }
    }

    /** What one run found; {@link #table()} prints it as the paper's Table IV with the measured times. */
    record Report(boolean intraBefore, boolean intraDuring, boolean intraAfter, boolean interBefore,
                  boolean interDuring, boolean interAfter, Duration interStoppedAfter, Duration interResumedAfter,
                  String newMachineAddress, String siteBPool, boolean newMachineInBPool, boolean newMachineTalksLocally,
                  Duration rttInter, Duration rttIntra, double mbitInter, double mbitIntra) {
        String table() {
            return String.format("""
                    Traffic scenarios (paper's Table IV, measured here)
                                 Before failure   During failure   After failure
                    Intra-site   %-16s %-16s %s
                    Inter-site   %-16s %-16s %s
                    inter-site traffic stopped within %.1f s of the cut (the cut takes the tunnel's path too) and resumed %.1f s after
                    the link returned (BGP's session back: connect retry 2 s, keepalive 3 s, hold 9 s)
                    a machine created at B during the cut got %s, %s B's pools %s, and %s B's machines
                    round-trip time: between sites %.3f ms, inside one site %.3f ms
                    TCP throughput (iperf3, 3 s): between sites %.0f Mbit/s, inside one site %.0f Mbit/s
                    """, mark(intraBefore), mark(intraDuring), mark(intraAfter), mark(interBefore), mark(interDuring),
                    mark(interAfter), interStoppedAfter.toMillis() / 1000.0, interResumedAfter.toMillis() / 1000.0,
                    newMachineAddress, newMachineInBPool ? "in" : "NOT in", siteBPool,
                    newMachineTalksLocally ? "talked to" : "could NOT talk to",
                    rttInter.toNanos() / 1e6, rttIntra.toNanos() / 1e6, mbitInter, mbitIntra);
        }

        private static String mark(boolean flows) {
            return flows ? "flows" : "none";
        }
    }

    Report run(List<ConfigurableApplicationContext> sites) throws Exception {
        token = identity.tokenFor(LocalIdentity.ADMIN);
        DemoCommand.DemoSite a = plan.get(0);
        DemoCommand.DemoSite b = plan.get(1);
        String network = createNetwork(a, "table4", "10.0.0.0/24");
        JsonNode service = send("POST", a.url() + "/api/intersite-vertical", body(network, a, b), 201);
        String id = service.get("global_id").asText();
        String networkB = networkAt(send("GET", a.url() + "/api/intersite-vertical/" + id, null, 200), b.region());
        Machine a1 = machine(a, network);
        Machine a2 = machine(a, network);
        Machine b1 = machine(b, networkB);
        Machine b2 = machine(b, networkB);
        waitUntil(() -> pings(a1, b1), Duration.ofSeconds(30));

        boolean intraBefore = flows(a1, a2) && flows(b1, b2);
        boolean interBefore = flows(a1, b1) && flows(a2, b2);
        Duration rttInter = rtt(a1, b1);
        Duration rttIntra = rtt(a1, a2);
        double mbitInter = throughput(a1, b1);
        double mbitIntra = throughput(a1, a2);

        String wanPort = net.naming().wanPort(siteNamespace(b));
        net.setLinkUp(net.naming().namespace("wan"), wanPort, false);
        Duration stopped = waitUntil(() -> !pings(a1, b1), Duration.ofSeconds(30));
        boolean intraDuring = flows(a1, a2) && flows(b1, b2);
        boolean interDuring = pings(a1, b1) || pings(a2, b2) || pings(a1, b2);
        Machine b3 = machine(b, networkB);
        boolean newTalks = waitUntil(() -> pings(b3, b1), Duration.ofSeconds(15)).compareTo(Duration.ofSeconds(15)) < 0;
        JsonNode bPools = send("GET", b.url() + "/api/intersite-vertical/" + id, null, 200).at("/params/local_pools");
        boolean inBPool = false;
        for (JsonNode pool : bPools) {
            inBPool |= new org.diminet.core.domain.IpRange(pool.get("start").asText(), pool.get("end").asText())
                    .contains(b3.address());
        }

        net.setLinkUp(net.naming().namespace("wan"), wanPort, true);
        Duration resumed = waitUntil(() -> pings(a1, b3), Duration.ofSeconds(60));
        boolean intraAfter = flows(a1, a2) && flows(b1, b3);
        boolean interAfter = flows(a1, b1) && flows(a2, b3);
        return new Report(intraBefore, intraDuring, intraAfter, interBefore, interDuring, interAfter, stopped, resumed,
                b3.address(), bPools.toString(), inBPool, newTalks, rttInter, rttIntra, mbitInter, mbitIntra);
    }

    /** A port of a compute owner at {@code site}: the site gives it a machine. */
    private record Machine(String namespace, String address) {
    }

    private Machine machine(DemoCommand.DemoSite site, String network) throws Exception {
        ObjectNode port = JSON.createObjectNode();
        port.putObject("port").put("network_id", network).put("device_owner", "compute:nova");
        JsonNode created = send("POST", site.url() + "/neutron/v2.0/ports", port, 201).get("port");
        Machine machine = new Machine(Naming.defaults().namespace("vm-" + site.region().toLowerCase(java.util.Locale.ROOT)
                + "-" + created.get("id").asText()), created.at("/fixed_ips/0/ip_address").asText());
        waitUntil(() -> net.namespaces().exists(machine.namespace()), Duration.ofSeconds(10));
        return machine;
    }

    /** Traffic flows: an answer within a few seconds (a machine just made may still be coming up). */
    private boolean flows(Machine from, Machine to) throws InterruptedException {
        return waitUntil(() -> pings(from, to), Duration.ofSeconds(5)).compareTo(Duration.ofSeconds(5)) < 0;
    }

    private boolean pings(Machine from, Machine to) {
        try {
            shell.run(Command.of("ip", "netns", "exec", from.namespace(), "ping", "-c", "1", "-W", "1", to.address())
                    .withTimeout(Duration.ofSeconds(3)));
            return true;
        } catch (CommandFailedException e) {
            return false;
        }
    }

    private Duration rtt(Machine from, Machine to) {
        PingResult result = net.ping(from.namespace(), to.address(), 20, Duration.ofMillis(50), Duration.ofSeconds(1));
        return result.averageRtt().orElse(Duration.ZERO);
    }

    /** iperf3 for 3 s from one machine to the other; 0 when iperf3 is not installed. */
    private double throughput(Machine client, Machine server) {
        try {
            shell.run(Command.of("ip", "netns", "exec", server.namespace(), "iperf3", "-s", "-1", "-D"));
            Thread.sleep(300);
            String out = shell.run(Command.of("ip", "netns", "exec", client.namespace(), "iperf3", "-c", server.address(),
                    "-t", "3", "-J").withTimeout(Duration.ofSeconds(20)));
            return JSON.readTree(out).at("/end/sum_received/bits_per_second").asDouble() / 1e6;
        } catch (Exception e) {
            return 0; // iperf3 missing or refused: the table says 0

        }
    }

    /** Polls {@code condition} until true or {@code limit}; answers how long it took (the limit when it never held). */
    private static Duration waitUntil(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            if (condition.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(STEP.toMillis());
        }
        return limit;
    }

    private String siteNamespace(DemoCommand.DemoSite site) {
        return Naming.defaults().namespace("site-" + site.region().toLowerCase(java.util.Locale.ROOT));
    }

    private String createNetwork(DemoCommand.DemoSite site, String name, String cidr) throws Exception {
        ObjectNode network = JSON.createObjectNode();
        network.putObject("network").put("name", name);
        String id = send("POST", site.url() + "/neutron/v2.0/networks", network, 201).at("/network/id").asText();
        ObjectNode subnet = JSON.createObjectNode();
        subnet.putObject("subnet").put("network_id", id).put("cidr", cidr).put("ip_version", 4);
        send("POST", site.url() + "/neutron/v2.0/subnets", subnet, 201);
        return id;
    }

    private static ObjectNode body(String network, DemoCommand.DemoSite a, DemoCommand.DemoSite b) {
        ObjectNode body = JSON.createObjectNode().put("name", "table4").put("type", "L2");
        body.putArray("resources").add(JSON.createObjectNode().put("region", a.region()).put("network", network))
                .add(JSON.createObjectNode().put("region", b.region()));
        return body;
    }

    private static String networkAt(JsonNode service, String region) {
        for (JsonNode r : service.get("resources")) {
            if (r.get("region").asText().equals(region)) {
                return r.get("network").asText();
            }
        }
        throw new IllegalStateException("the service has no resource at " + region);
    }

    private JsonNode send(String method, String url, JsonNode body, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Auth-Token", token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
