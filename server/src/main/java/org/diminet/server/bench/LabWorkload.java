package org.diminet.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.diminet.core.domain.Region;
import org.diminet.openstack.neutron.NeutronClient;

/**
 * Part 4: beside the OpenStack lab, DIMINET's creation time next to the raw Neutron work the same service
 * needs, which the benchmark issues itself to the same Neutrons, in parallel across regions, in the same
 * run (each round: one DIMINET create, then the same work by hand):
 * <ul>
 *   <li>L2: at the master, read the network and its subnet, shrink the subnet's pools, its own BGPVPN and
 *       network association; at each other site, a network, a subnet with its pool, a BGPVPN and a network
 *       association;</li>
 *   <li>L3: at every site, read the network and its subnets, a BGPVPN and a network association.</li>
 * </ul>
 * The networks the services name are made before each round's clock starts; whatever a round made is
 * removed after it.
 */
final class LabWorkload {
    private static final String BGPVPNS = "/bgpvpn/bgpvpns";
    private final BenchClient client;
    private final Map<String, NeutronClient> neutrons;
    private final int repeat;
    private final PrintStream out;
    private final int cidrBase = ThreadLocalRandom.current().nextInt(64);
    private int cidrNext;

    LabWorkload(BenchClient client, Map<String, NeutronClient> neutrons, int repeat, PrintStream out) {
        this.client = client;
        this.neutrons = neutrons;
        this.repeat = repeat;
        this.out = out;
    }

    /** One point: DIMINET's creates and the raw work's rounds, each as the user would wait for them. */
    record Point(String type, int sites, Percentiles diminet, Percentiles raw) {
        double ratio() {
            return diminet.p50() / raw.p50();
        }
    }

    Point measure(BenchCluster cluster, String type, int n) {
        List<String> regions = cluster.regions().subList(0, n);
        String master = regions.getFirst();
        double[] diminet = new double[repeat];
        double[] raw = new double[repeat];
        for (int round = -1; round < repeat; round++) {
            // DIMINET
            Map<String, String> named = new LinkedHashMap<>();
            for (String region : type.equals("L3") ? regions : List.of(master)) {
                named.put(region, network(region, "bench-lab", cidr()));
            }
            BenchClient.Answer created = client.createService(cluster.url(master),
                    ServiceBodies.create("bench-lab-" + type, type, regions, named));
            if (created.status() != 201) {
                throw new IllegalStateException("create beside the lab: " + created.status() + " " + created.body());
            }
            BenchClient.Answer deleted = client.deleteService(cluster.url(master), created.json().path("global_id").asText());
            if (deleted.status() != 204 && deleted.status() != 202) {
                throw new IllegalStateException("delete beside the lab: " + deleted.status() + " " + deleted.body());
            }
            named.forEach((region, id) -> neutrons.get(region).delete("/networks/" + id));
            // The same work, by hand
            double rawMillis = raw(type, regions);
            if (round >= 0) {
                diminet[round] = created.millis();
                raw[round] = rawMillis;
            }
        }
        Point point = new Point(type, n, Percentiles.of(diminet), Percentiles.of(raw));
        out.printf("%s %d regions: DIMINET p50 %s ms, raw Neutron work p50 %s ms, ratio %s%n", type, n,
                Table.ms(point.diminet().p50()), Table.ms(point.raw().p50()), Table.ratio(point.ratio()));
        out.flush();
        return point;
    }

    /** One round of the raw work, timed from its first call to the last region's last answer; then cleaned up. */
    private double raw(String type, List<String> regions) {
        String master = regions.getFirst();
        String cidr = cidr();
        String prefix = cidr.substring(0, cidr.lastIndexOf('.') + 1);
        Map<String, String> masterNet = new LinkedHashMap<>();
        if (type.equals("L2")) {
            masterNet.put(master, network(master, "bench-lab-raw", cidr));
        } else {
            for (String region : regions) {
                masterNet.put(region, network(region, "bench-lab-raw", cidr()));
            }
        }
        List<String[]> made = new ArrayList<>(); // region, kind, id (to remove afterwards)
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<String[]>>> work = new ArrayList<>();
            for (int i = 0; i < regions.size(); i++) {
                String region = regions.get(i);
                int index = i;
                work.add(pool.submit(() -> {
                    NeutronClient neutron = neutrons.get(region);
                    List<String[]> mine = new ArrayList<>();
                    String network;
                    if (type.equals("L3") || index == 0) {
                        network = masterNet.get(region);
                        neutron.get("/networks/" + network);
                        JsonNode subnet = neutron.list("/subnets?network_id=" + network, "subnets").getFirst();
                        if (type.equals("L2")) {
                            neutron.put("/subnets/" + subnet.path("id").asText(), pools(prefix, 2, 40));
                        }
                    } else {
                        ObjectNode body = NeutronClient.object();
                        body.putObject("network").put("name", "bench-lab-raw");
                        network = neutron.post("/networks", body).path("network").path("id").asText();
                        mine.add(new String[] {region, "network", network});
                        ObjectNode subnet = NeutronClient.object();
                        ObjectNode s = subnet.putObject("subnet").put("network_id", network).put("cidr", cidr)
                                .put("ip_version", 4).put("gateway_ip", prefix + "1");
                        s.set("allocation_pools", pools(prefix, 41 + 40 * (index - 1), 80 + 40 * (index - 1))
                                .path("subnet").path("allocation_pools"));
                        neutron.post("/subnets", subnet);
                    }
                    ObjectNode bgpvpn = NeutronClient.object();
                    ObjectNode b = bgpvpn.putObject("bgpvpn").put("name", "bench-lab-raw").put("type", type.toLowerCase());
                    b.putArray("export_targets").add("64512:" + (1000 + index));
                    ArrayNode imports = b.putArray("import_targets");
                    for (int j = 0; j < regions.size(); j++) {
                        if (j != index) {
                            imports.add("64512:" + (1000 + j));
                        }
                    }
                    String bgpvpnId = neutron.post(BGPVPNS, bgpvpn).path("bgpvpn").path("id").asText();
                    mine.add(new String[] {region, "bgpvpn", bgpvpnId});
                    ObjectNode association = NeutronClient.object();
                    association.putObject("network_association").put("network_id", network);
                    neutron.post(BGPVPNS + "/" + bgpvpnId + "/network_associations", association);
                    return mine;
                }));
            }
            for (Future<List<String[]>> w : work) {
                made.addAll(w.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("raw Neutron work failed: " + e.getMessage(), e);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        for (String[] thing : made) {
            if (thing[1].equals("bgpvpn")) {
                neutrons.get(thing[0]).delete(BGPVPNS + "/" + thing[2]);
            }
        }
        for (String[] thing : made) {
            if (thing[1].equals("network")) {
                neutrons.get(thing[0]).delete("/networks/" + thing[2]);
            }
        }
        masterNet.forEach((region, id) -> neutrons.get(region).delete("/networks/" + id));
        return millis;
    }

    /** A subnet update body with one allocation pool {@code prefix.first} – {@code prefix.last}. */
    private static ObjectNode pools(String prefix, int first, int last) {
        ObjectNode body = NeutronClient.object();
        body.putObject("subnet").putArray("allocation_pools").addObject()
                .put("start", prefix + first).put("end", prefix + last);
        return body;
    }

    private String network(String region, String name, String cidr) {
        NeutronClient neutron = neutrons.get(region);
        ObjectNode body = NeutronClient.object();
        body.putObject("network").put("name", name);
        String id = neutron.post("/networks", body).path("network").path("id").asText();
        ObjectNode subnet = NeutronClient.object();
        subnet.putObject("subnet").put("network_id", id).put("cidr", cidr).put("ip_version", 4).put("name", name);
        neutron.post("/subnets", subnet);
        return id;
    }

    /** A /24 of 10.192.0.0/10 not used since the run started (the lab's own networks keep to lower ones). */
    private synchronized String cidr() {
        int n = (cidrBase * 1024 + cidrNext++) % 16_384;
        return "10." + (192 + (n >> 8)) + "." + (n & 0xff) + ".0/24";
    }

    static Region region(String name) {
        return new Region(name);
    }
}
