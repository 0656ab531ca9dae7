package org.diminet.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * The sites of one benchmark run: started by a {@link SiteRunner}, each with its own port and data
 * directory under {@code root}, and, when a round trip is injected, a {@link DelayProxy} in front of each
 * through which the other sites reach it. The benchmark itself talks to every site directly.
 */
public final class BenchCluster implements AutoCloseable {
    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500)).build();

    private final ClusterPlan plan;
    private final SiteRunner runner;
    private final Path root;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, DelayProxy> proxies = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    private final Map<String, SiteRunner.RunningSite> sites = new LinkedHashMap<>();
    private final Map<String, Long> startMillis = new LinkedHashMap<>();
    private final boolean keep;

    private BenchCluster(ClusterPlan plan, SiteRunner runner, Path root, boolean keep) {
        this.plan = plan;
        this.runner = runner;
        this.root = root;
        this.keep = keep;
    }

    /** Starts every site of the plan and waits until each answers {@code /api/health}; closes what started on failure. */
    public static BenchCluster start(ClusterPlan plan, SiteRunner runner, Path root, boolean keep) {
        BenchCluster cluster = new BenchCluster(plan, runner, root, keep);
        try {
            cluster.configure();
            cluster.startAll();
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void configure() {
        for (String region : plan.regions()) {
            ports.put(region, plan.fixedPorts().getOrDefault(region, freePort()));
        }
        if (plan.wirePeers() && !plan.roundTrip().isZero()) {
            for (String region : plan.regions()) {
                proxies.put(region, DelayProxy.start(region, ports.get(region), plan.roundTrip()));
            }
        }
        for (String region : plan.regions()) {
            Map<String, String> site = new LinkedHashMap<>();
            site.put("diminet.region", region);
            site.put("server.port", String.valueOf(ports.get(region)));
            site.put("diminet.data-dir", dir(region).resolve("data").toString());
            site.put("diminet.auth.rate-limit", "0"); // the benchmark is the one flood we want
            if (plan.wirePeers()) {
                for (String peer : plan.regions()) {
                    if (!peer.equals(region)) {
                        site.put("diminet.peers." + peer, peerUrl(peer).toString());
                    }
                }
            }
            site.putAll(plan.siteSettings().apply(region));
            settings.put(region, site);
        }
    }

    private void startAll() {
        Semaphore slots = new Semaphore(plan.parallelStarts());
        Map<String, Future<Long>> times = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String region : plan.regions()) {
                times.put(region, pool.submit(() -> {
                    slots.acquire();
                    try {
                        return launchAndAwait(region);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        List<String> failures = new ArrayList<>();
        times.forEach((region, time) -> {
            try {
                startMillis.put(region, time.get());
            } catch (Exception e) {
                failures.add(region + ": " + (e.getCause() == null ? e : e.getCause()).getMessage());
            }
        });
        if (!failures.isEmpty()) {
            throw new IllegalStateException("sites did not start:\n" + String.join("\n\n", failures));
        }
    }

    /** @return milliseconds from launch to the first 200 of {@code /api/health} */
    private long launchAndAwait(String region) {
        long start = System.nanoTime();
        SiteRunner.RunningSite site = runner.start(region, dir(region), settings.get(region));
        synchronized (sites) {
            sites.put(region, site);
        }
        awaitHealthy(region, site);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void awaitHealthy(String region, SiteRunner.RunningSite site) {
        long deadline = System.nanoTime() + plan.startTimeout().toNanos();
        HttpRequest probe = HttpRequest.newBuilder(url(region).resolve("/api/health")).timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!site.isAlive()) {
                throw new IllegalStateException(region + " stopped before answering; its log ends:\n" + site.logTail(40));
            }
            try {
                if (PROBE.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + region + " starts", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(region + " did not answer /api/health within " + plan.startTimeout()
                        + "; its log ends:\n" + site.logTail(40));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Stops the site (gracefully) and starts it again on the same port and data; returns the milliseconds
     * from the new launch to its first 200 of {@code /api/health}.
     */
    public long restart(String region) {
        SiteRunner.RunningSite old;
        synchronized (sites) {
            old = sites.remove(region);
        }
        if (old != null) {
            old.close();
        }
        long millis = launchAndAwait(region);
        startMillis.put(region, millis);
        return millis;
    }

    public List<String> regions() {
        return plan.regions();
    }

    public String master() {
        return plan.regions().getFirst();
    }

    /** Where the benchmark talks to the site: directly. */
    public URI url(String region) {
        return URI.create("http://127.0.0.1:" + ports.get(region));
    }

    /** Where the other sites reach it: its delay proxy when there is one. */
    public URI peerUrl(String region) {
        DelayProxy proxy = proxies.get(region);
        return proxy != null ? proxy.url() : url(region);
    }

    public Duration roundTrip() {
        return plan.wirePeers() ? plan.roundTrip() : Duration.ZERO;
    }

    public Path dir(String region) {
        return root.resolve(region);
    }

    public Path dataDir(String region) {
        return dir(region).resolve("data");
    }

    public OptionalLong pid(String region) {
        synchronized (sites) {
            SiteRunner.RunningSite site = sites.get(region);
            return site == null ? OptionalLong.empty() : site.pid();
        }
    }

    public boolean separateProcesses() {
        return runner.separateProcesses();
    }

    /** Milliseconds each site took from launch to its first healthy answer (its last start). */
    public Map<String, Long> startMillis() {
        return Map.copyOf(startMillis);
    }

    /** Stops every site (in parallel), closes the proxies and deletes the sites' files unless asked to keep them. */
    @Override
    public void close() {
        List<SiteRunner.RunningSite> running;
        synchronized (sites) {
            running = new ArrayList<>(sites.values());
            sites.clear();
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            running.forEach(site -> pool.submit(site::close));
        }
        proxies.values().forEach(DelayProxy::close);
        if (keep) {
            System.out.println("bench: kept the sites' files in " + root);
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: cannot delete " + root + ": " + e);
        }
    }

    private static int freePort() {
        // Between 20000 and 32000: above the ports people give their own sites by hand, below Linux's
        // ephemeral range, where the proxies' listeners and every outgoing connection take theirs.
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port found between 20000 and 32000"));
    }
}
