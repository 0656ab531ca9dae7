package org.diminet.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.faults.SiteClient.networkOf;
import static org.diminet.server.faults.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A randomized soak: five sites as processes, three clients doing creates, updates (sites joining and
 * leaving), deletes, pool requests and machines' ports at random sites, while faults hit random links
 * (cut, connections reset, silence, lost requests and answers, delays) and random sites are SIGKILLed and restarted.
 * Once the time is up and the faults end, the machines are removed (as a user would before taking
 * networks away) and every site must converge.
 *
 * <p>The seed ({@code -Ddiminet.soak.seed=N}, printed) fixes each client's sequence of actions and the
 * fault sequence, not their timing; {@code -Ddiminet.soak.seconds=S} bounds the run (default 40).
 */
@Tag("faults")
class SoakTest {
    private static final int SITES = 5;
    private static final int CLIENTS = 3;

    private final AtomicInteger counter = new AtomicInteger();
    private final Map<String, AtomicInteger> actions = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final List<String> faults = Collections.synchronizedList(new ArrayList<>());
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());

    @Test
    void randomOperationsUnderRandomFaultsConverge() throws Exception {
        long seed = Long.getLong("diminet.soak.seed", System.nanoTime());
        int seconds = Integer.getInteger("diminet.soak.seconds", 40);
        System.out.println("soak: seed " + seed + ", " + seconds + " s, " + SITES + " sites, " + CLIENTS + " clients"
                + " (repeat with -Ddiminet.soak.seed=" + seed + ")");
        try (ProcessCluster cluster = ProcessCluster.start(SITES, FaultSuiteTest.FAST)) {
            Baseline baseline = Baseline.record(cluster);
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    Random random = new Random(seed + c + 1);
                    running.add(pool.submit(() -> client(cluster, random, end)));
                }
                running.add(pool.submit(() -> faults(cluster, new Random(seed), end)));
                for (Future<?> f : running) {
                    f.get();
                }
            }
            cluster.healAll();
            for (String region : cluster.regions()) {
                if (!cluster.isAlive(region)) {
                    cluster.restart(region);
                }
            }
            removeMachines(cluster);
            // The test's own networks are user networks, whatever became of the request that made them: a
            // network whose answer a fault swallowed was never marked, yet it is no orphan of DIMINET's.
            baseline = baseline.plusNetworksNamed(cluster, "soak-");
            Duration took = Convergence.await(cluster, Duration.ofSeconds(90), baseline);
            int total = actions.values().stream().mapToInt(AtomicInteger::get).sum();
            System.out.println("soak: " + total + " operations " + new java.util.TreeMap<>(actions) + ", answers "
                    + new java.util.TreeMap<>(statuses) + ", " + faults.size() + " faults " + summary(faults)
                    + "; converged " + took.toMillis() + " ms after the faults ended");
            assertThat(serverErrors).as("answers that were not a clear success or refusal").isEmpty();
            assertThat(total).as("the soak did something").isGreaterThan(20);
        }
    }

    // --- the clients ----------------------------------------------------------------------------

    private void client(ProcessCluster cluster, Random random, long end) {
        while (System.nanoTime() < end) {
            String via = cluster.region(random.nextInt(SITES));
            if (!cluster.isAlive(via)) {
                pause(100);
                continue;
            }
            SiteClient site = cluster.client(via).withTimeout(Duration.ofSeconds(20));
            int dice = random.nextInt(100);
            try {
                if (dice < 25) {
                    create(cluster, random, via, site);
                } else if (dice < 45) {
                    change(cluster, random, site);
                } else if (dice < 55) {
                    someService(random, site).ifPresent(s -> record("delete", site.deleteService(id(s))));
                } else if (dice < 70) {
                    someService(random, site).filter(s -> "L2".equals(s.path("type").asText()))
                            .ifPresent(s -> record("pool", site.post("/api/intersite-vertical/" + id(s) + "/pools", null)));
                } else if (dice < 90) {
                    someService(random, site).filter(s -> "L2".equals(s.path("type").asText()))
                            .map(s -> networkOf(s, via)).ifPresent(n -> record("port", site.createPort(n)));
                } else {
                    deleteSomePort(random, site);
                }
            } catch (RuntimeException e) {
                // The site died under the request (a fault), or the client gave up waiting: both happen.
                actions.computeIfAbsent("no-answer", k -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    private void create(ProcessCluster cluster, Random random, String master, SiteClient site) {
        int n = counter.incrementAndGet();
        List<String> others = new ArrayList<>(cluster.regions());
        others.remove(master);
        Collections.shuffle(others, random);
        List<String> members = others.subList(0, 1 + random.nextInt(3));
        List<ObjectNode> resources = new ArrayList<>();
        if (random.nextBoolean()) {
            for (String region : concat(master, members)) {
                if (!cluster.isAlive(region)) {
                    return;
                }
                String network = cluster.client(region).createNetwork("soak-" + n,
                        "10." + (100 + n / 250) + "." + (n % 250) + "." + (cluster.regions().indexOf(region) * 32) + "/27");
                resources.add(resource(region, network));
            }
            record("create-l3", site.createService("soak-" + n, "L3", resources.toArray(ObjectNode[]::new)));
        } else {
            String network = site.createNetwork("soak-" + n, "172." + (16 + n / 250) + "." + (n % 250) + ".0/24");
            resources.add(resource(master, network));
            members.forEach(r -> resources.add(resource(r, null)));
            record("create-l2", site.createService("soak-" + n, "L2", resources.toArray(ObjectNode[]::new)));
        }
    }

    /** A site joins (L2: any site; L3: needs a network there, so only leaving) or leaves a service. */
    private void change(ProcessCluster cluster, Random random, SiteClient site) {
        someService(random, site).ifPresent(service -> {
            List<ObjectNode> current = new ArrayList<>();
            for (JsonNode r : service.path("resources")) {
                current.add(resource(r.path("region").asText(), r.hasNonNull("network") ? r.path("network").asText() : null));
            }
            String master = service.path("master").asText();
            boolean l2 = "L2".equals(service.path("type").asText());
            List<String> outside = new ArrayList<>(cluster.regions());
            current.forEach(r -> outside.remove(r.path("region").asText()));
            if (l2 && !outside.isEmpty() && (random.nextBoolean() || current.size() <= 2)) {
                current.add(resource(outside.get(random.nextInt(outside.size())), null));
                record("add-site", site.updateService(id(service), current.toArray(ObjectNode[]::new)));
            } else if (current.size() > 2) {
                List<ObjectNode> leaving = current.stream().filter(r -> !r.path("region").asText().equals(master)).toList();
                current.remove(leaving.get(random.nextInt(leaving.size())));
                record("remove-site", site.updateService(id(service), current.toArray(ObjectNode[]::new)));
            }
        });
    }

    private void deleteSomePort(Random random, SiteClient site) {
        List<JsonNode> ports = site.allPorts().stream()
                .filter(p -> p.path("device_owner").asText().startsWith("compute:")).toList();
        if (!ports.isEmpty()) {
            JsonNode port = ports.get(random.nextInt(ports.size()));
            record("unport", site.delete("/neutron/v2.0/ports/" + port.path("id").asText()));
        }
    }

    // --- the faults -----------------------------------------------------------------------------

    private void faults(ProcessCluster cluster, Random random, long end) {
        RequestMatcher eastWest = RequestMatcher.path("/api/intersite-horizontal");
        while (System.nanoTime() < end) {
            pause(500 + random.nextInt(1500));
            String region = cluster.region(random.nextInt(SITES));
            FaultProxy proxy = cluster.proxy(region);
            int dice = random.nextInt(100);
            if (dice < 14) {
                faults.add("cut");
                proxy.cut();
                pause(500 + random.nextInt(2500));
                proxy.heal();
            } else if (dice < 20) {
                faults.add("reset");
                proxy.reset();
                pause(500 + random.nextInt(1500));
                proxy.heal();
            } else if (dice < 35) {
                faults.add("silence");
                proxy.blackhole();
                pause(500 + random.nextInt(2500));
                proxy.heal();
            } else if (dice < 55) {
                faults.add("answer-lost");
                proxy.dropResponse(eastWest, 1);
            } else if (dice < 75) {
                faults.add("request-lost");
                proxy.dropRequest(eastWest, 1);
            } else if (dice < 90) {
                faults.add("delay");
                proxy.delay(Duration.ofMillis(200 + random.nextInt(600)));
                pause(2000);
                proxy.heal();
            } else if (cluster.isAlive(region)) {
                faults.add("sigkill");
                cluster.kill(region);
                pause(500 + random.nextInt(2000));
                cluster.restart(region);
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    /** Before the final check: the soak's machines go, so that every pending removal can finish. */
    private void removeMachines(ProcessCluster cluster) {
        for (String region : cluster.regions()) {
            SiteClient site = cluster.client(region);
            for (JsonNode port : site.allPorts()) {
                if (port.path("device_owner").asText().startsWith("compute:")) {
                    site.delete("/neutron/v2.0/ports/" + port.path("id").asText());
                }
            }
        }
    }

    private java.util.Optional<JsonNode> someService(Random random, SiteClient site) {
        List<JsonNode> services = site.services();
        return services.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(services.get(random.nextInt(services.size())));
    }

    private void record(String action, JsonClient.Answer answer) {
        actions.computeIfAbsent(action, k -> new AtomicInteger()).incrementAndGet();
        statuses.computeIfAbsent(answer.status(), k -> new AtomicInteger()).incrementAndGet();
        if (answer.status() >= 500 && answer.status() != 502 && answer.status() != 503 && answer.status() != 504) {
            serverErrors.add(action + " -> " + answer.status() + " " + answer.text());
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String id(JsonNode service) {
        return service.path("global_id").asText();
    }

    private static String summary(List<String> faults) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        synchronized (faults) {
            faults.forEach(f -> counts.merge(f, 1L, Long::sum));
        }
        return counts.toString();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
