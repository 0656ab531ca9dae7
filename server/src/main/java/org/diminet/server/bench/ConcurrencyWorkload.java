package org.diminet.server.bench;

import java.io.PrintStream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Part 2: throughput. {@code clients} clients, each sending its next request when the last is answered,
 * make {@code ops} operations in all on services of random groups of {@code groupSize} sites (so groups
 * overlap): creates (L3 or L2, at random), updates (a site leaves, or one joins), deletes, and, one
 * operation in twenty, a create that names a network one of its services already holds: a 409 provoked on
 * purpose, counted apart. Each client works on its own services, so any other 409 is DIMINET's.
 *
 * <p>The networks the creates and joins name are made before the clock starts (the sites' Neutron APIs
 * are not what is measured); a network freed by a leave or delete goes back to its site's pool.
 */
final class ConcurrencyWorkload {
    static final double PROVOKE = 0.05;
    static final double CREATE = 0.40;
    static final double UPDATE = 0.30;

    private final BenchClient client;
    private final Networks networks;
    private final PrintStream out;

    ConcurrencyWorkload(BenchClient client, Networks networks, PrintStream out) {
        this.client = client;
        this.networks = networks;
        this.out = out;
    }

    /**
     * What a run did.
     *
     * @param outcomes     "CREATE 201", "UPDATE 409 service-busy", ... → count (provoked conflicts as "PROVOKED ...")
     * @param latencies    operation kind → its answers' times (successful and provoked answers only)
     * @param perMaster    region → operations sent to it as master
     * @param madeDuring   networks the pools lacked, made while the clock ran
     * @param phases       every site's phase timers during the run, summed
     */
    record Result(int sites, int clients, int groupSize, int masters, long ops, double seconds,
                  Map<String, Long> outcomes, Map<String, Percentiles> latencies, Map<String, Long> perMaster,
                  long madeDuring, PhaseScrape phases) {
        double opsPerSecond() {
            return ops / seconds;
        }

        long errors() {
            return outcomes.entrySet().stream().filter(e -> !expected(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        }

        long provoked409() {
            return outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("PROVOKED 409"))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        static boolean expected(String outcome) {
            return outcome.equals("CREATE 201") || outcome.equals("UPDATE 200") || outcome.equals("DELETE 204")
                    || outcome.equals("DELETE 202") || outcome.startsWith("PROVOKED 409");
        }
    }

    private record Svc(String id, String type, String master, List<String> regions, Map<String, String> networks) {
    }

    Result run(BenchCluster cluster, int clients, int groupSize, int ops, int masters, long seed) {
        List<String> regions = cluster.regions();
        List<String> masterRegions = masters > 0 ? regions.subList(0, Math.min(masters, regions.size())) : regions;
        Map<String, Queue<String>> pools = new LinkedHashMap<>();
        regions.forEach(r -> pools.put(r, new ConcurrentLinkedQueue<>()));
        fill(cluster, pools, expectedNeed(regions, masterRegions, groupSize, ops));

        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        Map<String, List<Double>> latencies = new ConcurrentHashMap<>();
        Map<String, LongAdder> perMaster = new ConcurrentHashMap<>();
        AtomicInteger left = new AtomicInteger(ops);
        AtomicLong madeDuring = new AtomicLong();
        AtomicLong done = new AtomicLong();
        PhaseScrape before = scrapeAll(cluster);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                Random random = new Random(seed * 1_000 + c);
                String name = "bench-c" + c;
                pool.submit(() -> {
                    Client worker = new Client(cluster, name, random, regions, masterRegions, groupSize, pools, madeDuring);
                    while (left.decrementAndGet() >= 0) {
                        Op op = worker.next();
                        outcomes.computeIfAbsent(op.outcome, k -> new LongAdder()).increment();
                        if (Result.expected(op.outcome)) {
                            latencies.computeIfAbsent(op.kind, k -> Collections.synchronizedList(new ArrayList<>())).add(op.millis);
                        }
                        perMaster.computeIfAbsent(op.master, k -> new LongAdder()).increment();
                        long n = done.incrementAndGet();
                        if (n % 1000 == 0) {
                            out.printf("  %d operations, %.0f/s%n", n, n / ((System.nanoTime() - start) / 1e9));
                            out.flush();
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PhaseScrape phases = scrapeAll(cluster).since(before);
        Map<String, Long> outcomeCounts = new TreeMap<>();
        outcomes.forEach((k, v) -> outcomeCounts.put(k, v.sum()));
        Map<String, Percentiles> latencyByKind = new TreeMap<>();
        latencies.forEach((k, v) -> latencyByKind.put(k, Percentiles.of(v)));
        Map<String, Long> masterCounts = new LinkedHashMap<>();
        regions.forEach(r -> {
            if (perMaster.containsKey(r)) {
                masterCounts.put(r, perMaster.get(r).sum());
            }
        });
        return new Result(regions.size(), clients, groupSize, masterRegions.size(), ops, seconds, outcomeCounts,
                latencyByKind, masterCounts, madeDuring.get(), phases);
    }

    private PhaseScrape scrapeAll(BenchCluster cluster) {
        PhaseScrape all = PhaseScrape.empty();
        for (String region : cluster.regions()) {
            all = all.plus(PhaseScrape.parse(client.prometheus(cluster.url(region))));
        }
        return all;
    }

    /** Networks each site's pool should start with: the expected need of the mix, plus a third. */
    static Map<String, Integer> expectedNeed(List<String> regions, List<String> masterRegions, int groupSize, int ops) {
        double creates = ops * CREATE;
        double l3Creates = creates / 2;
        double l2Creates = creates / 2;
        double l3Joins = ops * UPDATE / 2 / 2;
        Map<String, Integer> need = new LinkedHashMap<>();
        for (String region : regions) {
            double asMaster = masterRegions.contains(region) ? (l3Creates + l2Creates) / masterRegions.size() : 0;
            double asOther = (l3Creates * (groupSize - 1) + l3Joins) / (regions.size() - 1);
            need.put(region, (int) Math.ceil((asMaster + asOther) * 1.35) + 5);
        }
        return need;
    }

    private void fill(BenchCluster cluster, Map<String, Queue<String>> pools, Map<String, Integer> need) {
        int total = need.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("making %d networks for the clients (before the clock starts)...%n", total);
        out.flush();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
            need.forEach((region, count) -> {
                for (int i = 0; i < count; i++) {
                    pool.submit(() -> pools.get(region).add(networks.createOne(cluster, region, "bench-pool")));
                }
            });
        }
        out.printf("made in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private record Op(String kind, String outcome, double millis, String master) {
    }

    /** One client: its own services, its own random choices. */
    private final class Client {
        private final BenchCluster cluster;
        private final String name;
        private final Random random;
        private final List<String> regions;
        private final List<String> masterRegions;
        private final int groupSize;
        private final Map<String, Queue<String>> pools;
        private final AtomicLong madeDuring;
        private final List<Svc> live = new ArrayList<>();

        Client(BenchCluster cluster, String name, Random random, List<String> regions, List<String> masterRegions,
               int groupSize, Map<String, Queue<String>> pools, AtomicLong madeDuring) {
            this.cluster = cluster;
            this.name = name;
            this.random = random;
            this.regions = regions;
            this.masterRegions = masterRegions;
            this.groupSize = groupSize;
            this.pools = pools;
            this.madeDuring = madeDuring;
        }

        Op next() {
            double r = random.nextDouble();
            if (live.size() < 2 || (r >= PROVOKE && r < PROVOKE + CREATE)) {
                return create();
            }
            if (r < PROVOKE) {
                return provoke();
            }
            return r < PROVOKE + CREATE + UPDATE ? update() : delete();
        }

        private Op create() {
            String type = random.nextBoolean() ? "L3" : "L2";
            String master = masterRegions.get(random.nextInt(masterRegions.size()));
            List<String> group = new ArrayList<>(List.of(master));
            List<String> others = new ArrayList<>(regions);
            others.remove(master);
            Collections.shuffle(others, random);
            group.addAll(others.subList(0, groupSize - 1));
            Map<String, String> named = new LinkedHashMap<>();
            for (String region : type.equals("L3") ? group : List.of(master)) {
                named.put(region, take(region));
            }
            BenchClient.Answer answer = client.createService(cluster.url(master),
                    ServiceBodies.create(name, type, group, named));
            if (answer.status() == 201) {
                live.add(new Svc(answer.json().path("global_id").asText(), type, master, group, named));
            } else {
                named.forEach(this::giveBack);
            }
            return new Op("create", "CREATE " + status(answer), answer.millis(), master);
        }

        private Op provoke() {
            Svc svc = live.get(random.nextInt(live.size()));
            BenchClient.Answer answer = client.createService(cluster.url(svc.master()),
                    ServiceBodies.create(name + "-again", svc.type(), svc.regions(), svc.networks()));
            if (answer.status() == 201) {
                // DIMINET let a network into two services: an error, and the second service must go again.
                live.add(new Svc(answer.json().path("global_id").asText(), svc.type(), svc.master(), svc.regions(), Map.of()));
            }
            String outcome = answer.status() == 409 ? "PROVOKED 409" : "PROVOKED (wanted 409) " + status(answer);
            return new Op("provoked 409", outcome, answer.millis(), svc.master());
        }

        private Op update() {
            Svc svc = live.get(random.nextInt(live.size()));
            List<String> after = new ArrayList<>(svc.regions());
            Map<String, String> named = new LinkedHashMap<>(svc.networks());
            String joined = null;
            String left = null;
            if (after.size() > 2) {
                left = after.get(1 + random.nextInt(after.size() - 1));
                after.remove(left);
                named.remove(left);
            } else {
                List<String> outside = new ArrayList<>(regions);
                outside.removeAll(after);
                joined = outside.get(random.nextInt(outside.size()));
                after.add(joined);
                if (svc.type().equals("L3")) {
                    named.put(joined, take(joined));
                }
            }
            BenchClient.Answer answer = client.updateService(cluster.url(svc.master()), svc.id(),
                    ServiceBodies.update(after, named));
            if (answer.status() == 200) {
                live.set(live.indexOf(svc), new Svc(svc.id(), svc.type(), svc.master(), after, named));
                if (left != null && svc.networks().containsKey(left)) {
                    giveBack(left, svc.networks().get(left));
                }
            } else if (joined != null && named.containsKey(joined)) {
                giveBack(joined, named.get(joined));
            }
            return new Op("update", "UPDATE " + status(answer), answer.millis(), svc.master());
        }

        private Op delete() {
            Svc svc = live.get(random.nextInt(live.size()));
            BenchClient.Answer answer = client.deleteService(cluster.url(svc.master()), svc.id());
            if (answer.status() == 204 || answer.status() == 202) {
                live.remove(svc);
                if (answer.status() == 204) {
                    svc.networks().forEach(this::giveBack);
                }
            }
            return new Op("delete", "DELETE " + status(answer), answer.millis(), svc.master());
        }

        private String take(String region) {
            String network = pools.get(region).poll();
            if (network == null) {
                madeDuring.incrementAndGet();
                network = networks.createOne(cluster, region, "bench-late");
            }
            return network;
        }

        private void giveBack(String region, String network) {
            pools.get(region).add(network);
        }

        private static String status(BenchClient.Answer answer) {
            String code = answer.status() >= 400 ? answer.problemCode() : "";
            return answer.status() + (code.isEmpty() ? "" : " " + code);
        }
    }

}
