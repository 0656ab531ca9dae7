package org.diminet.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Part 3: a site pair with many stored services (half L3, half L2, all mastered by the first site).
 * Measured empty and again once loaded: each site's resident memory, creation p50, the time of the
 * Neutron API's network create (the embedded VIM's persistence should cost O(change)), listing the
 * services (all at once, and a page of 100 when the North list is paginated), the database's bytes per
 * service and the time each site takes to start again.
 */
final class ScaleWorkload {
    private final BenchClient client;
    private final Networks networks;
    private final LatencyWorkload latency;
    private final PrintStream out;
    private final StoreBytes storeBytes;
    private final String storeKind;

    /** Bytes a site's store takes. */
    interface StoreBytes {
        long of(BenchCluster cluster, String region);
    }

    ScaleWorkload(BenchClient client, Networks networks, LatencyWorkload latency, PrintStream out, StoreBytes storeBytes,
                  String storeKind) {
        this.client = client;
        this.networks = networks;
        this.latency = latency;
        this.out = out;
        this.storeBytes = storeBytes;
        this.storeKind = storeKind;
    }

    /** One state of the pair (empty or loaded). */
    record Snapshot(int services, Map<String, OptionalLong> residentBytes, double l3Create, double l2Create,
                    double networkCreate, Percentiles listAll, int listedAll, long listBytes, Page page,
                    Map<String, Long> databaseBytes, Map<String, Long> vimBytes, Map<String, Long> startMillis) {
    }

    /**
     * The North list's page of 100, when it has pages.
     *
     * @param paginated false when {@code ?limit=100} still returned every service
     * @param first     time of the first page
     * @param next      time of a page further on ({@code marker} = the last id of the page before)
     */
    record Page(boolean paginated, Percentiles first, Percentiles next, int size, boolean links) {
    }

    record Result(Snapshot empty, Snapshot loaded, double loadSeconds, Percentiles loadCreates, String storeKind) {
    }

    Result run(BenchCluster cluster, int services, int clients) {
        out.println("measuring the empty pair...");
        Snapshot empty = snapshot(cluster, 0);
        long start = System.nanoTime();
        Percentiles loadCreates = load(cluster, services, clients);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        out.printf("loaded %d services in %.0f s (creates during the load: p50 %s ms, p99 %s ms)%n", services,
                loadSeconds, Table.ms(loadCreates.p50()), Table.ms(loadCreates.p99()));
        out.println("measuring the loaded pair...");
        Snapshot loaded = snapshot(cluster, services);
        return new Result(empty, loaded, loadSeconds, loadCreates, storeKind);
    }

    private Snapshot snapshot(BenchCluster cluster, int services) {
        String master = cluster.master();
        URI masterUrl = cluster.url(master);
        Map<String, OptionalLong> rss = residentBytes(cluster);
        double l3 = latency.measure(cluster, "L3", 2).created().p50();
        double l2 = latency.measure(cluster, "L2", 2).created().p50();
        double network = networkCreate(cluster, master, 50);
        double[] list = new double[7];
        int listed = 0;
        long bytes = 0;
        for (int i = -2; i < list.length; i++) {
            BenchClient.Answer answer = client.get(masterUrl, "/api/intersite-vertical").require(200, "list");
            if (i >= 0) {
                list[i] = answer.millis();
            }
            listed = items(answer.json()).size();
            bytes = answer.body().length();
        }
        Page page = page(masterUrl, services);
        Map<String, Long> database = new LinkedHashMap<>();
        Map<String, Long> vim = new LinkedHashMap<>();
        for (String region : cluster.regions()) {
            database.put(region, storeBytes.of(cluster, region));
            vim.put(region, size(cluster.dataDir(region), "embedded-vim"));
        }
        Map<String, Long> starts = new LinkedHashMap<>();
        if (services > 0) {
            for (String region : cluster.regions()) {
                out.println("restarting " + region + "...");
                starts.put(region, cluster.restart(region));
            }
            // The database after a clean stop (H2 compacts its file when it closes; PostgreSQL does not change).
            for (String region : cluster.regions()) {
                database.put(region + " after restart", storeBytes.of(cluster, region));
            }
        } else {
            starts.putAll(cluster.startMillis());
        }
        return new Snapshot(services, rss, l3, l2, network, Percentiles.of(list), listed, bytes, page, database, vim, starts);
    }

    /** Creates the services with {@code clients} workers; the networks they name are made first. */
    private Percentiles load(BenchCluster cluster, int services, int clients) {
        String master = cluster.master();
        String other = cluster.regions().get(1);
        out.printf("making %d networks for %d services (before the clock starts)...%n", services / 2 * 3 + services % 2 * 3,
                services);
        out.flush();
        List<Map<String, String>> named = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
            for (int i = 0; i < services; i++) {
                boolean l3 = i % 2 == 0;
                pool.submit(() -> named.add(networks.create(cluster, l3 ? List.of(master, other) : List.of(master),
                        l3 ? "bench-scale-l3" : "bench-scale-l2")));
            }
        }
        out.printf("creating %d services with %d clients...%n", services, clients);
        out.flush();
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < services; i = next.getAndIncrement()) {
                        Map<String, String> nets = named.get(i);
                        String type = nets.size() == 2 ? "L3" : "L2";
                        BenchClient.Answer answer = client.createService(cluster.url(master),
                                ServiceBodies.create("bench-scale-" + i, type, List.of(master, other), nets));
                        if (answer.status() != 201) {
                            throw new IllegalStateException("create " + i + ": " + answer.status() + " " + answer.body());
                        }
                        times.add(answer.millis());
                        if ((i + 1) % 1000 == 0) {
                            out.printf("  %d services, %.0f/s%n", i + 1, (i + 1) / ((System.nanoTime() - start) / 1e9));
                            out.flush();
                        }
                    }
                    return null;
                });
            }
        }
        return Percentiles.of(times);
    }

    /** p50 of {@code count} network + subnet creates through the site's Neutron API (then deleted). */
    private double networkCreate(BenchCluster cluster, String region, int count) {
        double[] times = new double[count];
        List<String> made = new ArrayList<>();
        for (int i = -5; i < count; i++) {
            long start = System.nanoTime();
            made.add(networks.createOne(cluster, region, "bench-vim"));
            if (i >= 0) {
                times[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Map<String, String> byRegion = new LinkedHashMap<>();
        for (String id : made) {
            byRegion.clear();
            byRegion.put(region, id);
            networks.delete(cluster, byRegion);
        }
        return Percentiles.of(times).p50();
    }

    private Page page(URI master, int services) {
        BenchClient.Answer first = client.get(master, "/api/intersite-vertical?limit=100").require(200, "list ?limit=100");
        List<JsonNode> items = items(first.json());
        boolean paginated = services > 100 ? items.size() <= 100 : hasLinks(first.json());
        if (!paginated) {
            return new Page(false, Percentiles.of(new double[0]), Percentiles.of(new double[0]), items.size(),
                    hasLinks(first.json()));
        }
        double[] firstTimes = new double[7];
        double[] nextTimes = new double[7];
        String marker = items.isEmpty() ? null : items.getLast().path("global_id").asText();
        for (int i = -2; i < firstTimes.length; i++) {
            BenchClient.Answer answer = client.get(master, "/api/intersite-vertical?limit=100");
            if (i >= 0) {
                firstTimes[i] = answer.millis();
            }
            if (marker != null) {
                BenchClient.Answer further = client.get(master, "/api/intersite-vertical?limit=100&marker=" + marker);
                if (i >= 0) {
                    nextTimes[i] = further.millis();
                }
                List<JsonNode> page = items(further.json());
                if (!page.isEmpty() && services > 300) {
                    marker = page.getLast().path("global_id").asText(); // one page further each time
                }
            }
        }
        return new Page(true, Percentiles.of(firstTimes), Percentiles.of(nextTimes), items.size(), hasLinks(first.json()));
    }

    /** The services of a list answer: a bare array, or the first array field of an object (OpenStack's shape). */
    static List<JsonNode> items(JsonNode body) {
        JsonNode array = body;
        if (body.isObject()) {
            array = null;
            for (var fields = body.fields(); fields.hasNext() && array == null; ) {
                var field = fields.next();
                if (field.getValue().isArray() && !field.getKey().endsWith("_links") && !field.getKey().equals("links")) {
                    array = field.getValue();
                }
            }
        }
        List<JsonNode> items = new ArrayList<>();
        if (array != null) {
            array.forEach(items::add);
        }
        return items;
    }

    static boolean hasLinks(JsonNode body) {
        if (!body.isObject()) {
            return false;
        }
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals("links") || name.endsWith("_links")) {
                return true;
            }
        }
        return false;
    }

    private Map<String, OptionalLong> residentBytes(BenchCluster cluster) {
        Map<String, OptionalLong> rss = new LinkedHashMap<>();
        for (String region : cluster.regions()) {
            OptionalLong pid = cluster.separateProcesses() ? cluster.pid(region) : OptionalLong.empty();
            rss.put(region, pid.isPresent() ? Machine.residentBytes(pid.getAsLong()) : OptionalLong.empty());
        }
        return rss;
    }

    /** Bytes of the files in {@code dir} whose names start with {@code prefix}. */
    static long size(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
