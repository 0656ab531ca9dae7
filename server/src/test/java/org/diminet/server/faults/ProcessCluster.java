package org.diminet.server.faults;

import org.diminet.server.launcher.LocalIdentity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * N DIMINET sites, each a separate JVM ({@link SiteProcess}) with its own port and H2 data directory
 * under one temporary cluster directory, and a {@link FaultProxy} in front of each: every site reaches
 * its peers only through their proxies ({@code diminet.peers.<Region>} = the peer's proxy), while the
 * test talks to each site directly. So cutting RegionTwo's proxy partitions RegionTwo from its peers
 * without hiding it from the test, and {@link #kill} is a real crash.
 *
 * <p>Layout of {@link #dir()}: {@code <Region>.properties}, {@code <Region>.log}, {@code <Region>/} (data).
 * Set the system property {@code diminet.keep-cluster} to keep it after {@link #close()}.
 */
public final class ProcessCluster implements AutoCloseable {
    public static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String[] NAMES = {"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine",
            "Ten"};

    private final Path dir;
    private final Map<String, SiteProcess> sites = new LinkedHashMap<>();
    private final Map<String, FaultProxy> proxies = new LinkedHashMap<>();
    private final Thread reaper = new Thread(this::killAll, "process-cluster-reaper");

    private ProcessCluster(Path dir) {
        this.dir = dir;
    }

    /**
     * Starts {@code size} sites (RegionOne, RegionTwo, ...) in parallel with the same extra Spring/diminet
     * properties (e.g. {@code diminet.peer.request-timeout=3s}), and waits until each answers. An unknown
     * {@code diminet.*} key stops a site at start-up; the AssertionError then shows its log.
     */
    public static ProcessCluster start(int size, Map<String, String> extraProperties) {
        return start(size, region -> extraProperties);
    }

    /** Starts {@code size} sites; {@code extraProperties} gives each region's extra properties (they win). */
    public static ProcessCluster start(int size, Function<String, Map<String, String>> extraProperties) {
        if (size < 1 || size > NAMES.length) {
            throw new IllegalArgumentException("between 1 and " + NAMES.length + " sites, not " + size);
        }
        ProcessCluster cluster;
        try {
            cluster = new ProcessCluster(Files.createTempDirectory("diminet-faults-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(cluster.reaper);
        try {
            cluster.configure(size, extraProperties);
            cluster.startAll();
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void configure(int size, Function<String, Map<String, String>> extraProperties) {
        List<String> regions = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            String region = "Region" + NAMES[i];
            regions.add(region);
            ports.put(region, freePort());
        }
        identity = LocalIdentity.generate(regions);
        // Proxies are bound before any site starts, so no site port can collide with a proxy port.
        for (String region : regions) {
            proxies.put(region, FaultProxy.start(region, ports.get(region)));
        }
        for (String region : regions) {
            Properties properties = new Properties();
            properties.setProperty("diminet.region", region);
            properties.setProperty("server.port", String.valueOf(ports.get(region)));
            properties.setProperty("diminet.data-dir", dir.resolve(region).toString());
            for (String peer : regions) {
                if (!peer.equals(region)) {
                    properties.setProperty("diminet.peers." + peer, proxies.get(peer).url().toString());
                }
            }
            identity.settings().forEach((k, v) -> properties.setProperty(k, String.valueOf(v)));
            properties.setProperty("diminet.auth.rate-limit", "0");
            properties.putAll(extraProperties.apply(region));
            Path config = dir.resolve(region + ".properties");
            try {
                Files.createDirectories(dir.resolve(region));
                try (OutputStream out = Files.newOutputStream(config)) {
                    properties.store(out, "DIMINET site " + region + " of a ProcessCluster");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sites.put(region, new SiteProcess(region, ports.get(region), config, dir.resolve(region + ".log")));
        }
    }

    private void startAll() {
        Map<String, Future<Long>> times = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            sites.values().forEach(site -> times.put(site.region(), pool.submit(() -> launchAndWait(site))));
        }
        StringBuilder line = new StringBuilder("ProcessCluster: " + sites.size() + " sites in " + dir + "; start times:");
        List<String> failures = new ArrayList<>();
        times.forEach((region, time) -> {
            try {
                line.append(' ').append(region).append('=').append(time.get()).append(" ms");
            } catch (Exception e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                failures.add(cause.getMessage());
            }
        });
        if (!failures.isEmpty()) {
            throw new AssertionError("sites did not start:\n" + String.join("\n\n", failures));
        }
        System.out.println(line);
    }

    /** @return milliseconds from launch until the site answered */
    private static long launchAndWait(SiteProcess site) {
        long start = System.nanoTime();
        site.launch();
        site.awaitReady(START_TIMEOUT);
        return (System.nanoTime() - start) / 1_000_000;
    }

    public Path dir() {
        return dir;
    }

    public List<String> regions() {
        return List.copyOf(sites.keySet());
    }

    public String region(int index) {
        return regions().get(index);
    }

    public SiteProcess site(String region) {
        SiteProcess site = sites.get(region);
        if (site == null) {
            throw new IllegalArgumentException("no site " + region + " in " + sites.keySet());
        }
        return site;
    }

    /** The proxy in front of {@code region}: what the other sites go through to reach it. */
    public FaultProxy proxy(String region) {
        site(region);
        return proxies.get(region);
    }

    /** A client talking to {@code region} directly (not through its proxy), 30 s per request. */
    public SiteClient client(String region) {
        return new SiteClient(region, site(region).url(), Duration.ofSeconds(30), identity.tokenFor(LocalIdentity.ADMIN));
    }

    /** A client reaching {@code region} the way its peers do, through its proxy (and so its faults). */
    public SiteClient clientViaProxy(String region) {
        return new SiteClient(region, proxy(region).url(), Duration.ofSeconds(30), identity.tokenFor(LocalIdentity.ADMIN));
    }

    /** The identity every site of the cluster shares (users, tokens). */
    public LocalIdentity identity() {
        return identity;
    }

    public SiteClient client(int index) {
        return client(region(index));
    }

    /** SIGKILL: the site dies at once, mid-request if it was in one. */
    public void kill(String region) {
        site(region).kill();
    }

    /** SIGTERM and wait (graceful shutdown). */
    public void stop(String region) {
        site(region).stop();
    }

    /** Starts the site again (stopping it gracefully first if it runs), same port and data; waits until it answers. */
    public void restart(String region) {
        SiteProcess site = site(region);
        site.stop();
        long millis = launchAndWait(site);
        System.out.println("ProcessCluster: " + region + " restarted in " + millis + " ms");
    }

    /**
     * Starts a second process of {@code region}: the same settings (so, given a shared
     * {@code spring.datasource.url}, the same database), its own port and data directory. The embedded
     * VIM's state is copied from the first process's data directory, so both see the same networks
     * (beside OpenStack both would talk to the one Neutron; embedded VIMs are not shared, so a test
     * should only let the twin read its VIM). The twin is killed with the cluster.
     */
    public SiteProcess startTwin(String region) {
        SiteProcess first = site(region);
        String name = region + "-twin";
        int port = freePort();
        Path config = dir.resolve(name + ".properties");
        Path data = dir.resolve(name);
        try {
            Properties properties = new Properties();
            try (var in = Files.newInputStream(dir.resolve(region + ".properties"))) {
                properties.load(in);
            }
            properties.setProperty("server.port", String.valueOf(port));
            properties.setProperty("diminet.data-dir", data.toString());
            Files.createDirectories(data);
            // The embedded VIM's snapshot and the change log written since: together they are its state.
            for (String file : new String[] {"embedded-vim.json", "embedded-vim.json.log"}) {
                Path vim = dir.resolve(region).resolve(file);
                if (Files.exists(vim)) {
                    Files.copy(vim, data.resolve(file));
                }
            }
            try (OutputStream out = Files.newOutputStream(config)) {
                properties.store(out, "second process of " + region + " (" + first + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SiteProcess twin = new SiteProcess(region, port, config, dir.resolve(name + ".log"));
        twins.add(twin);
        long millis = launchAndWait(twin);
        System.out.println("ProcessCluster: second process of " + region + " started in " + millis + " ms");
        return twin;
    }

    private LocalIdentity identity;
    private final List<SiteProcess> twins = new java.util.concurrent.CopyOnWriteArrayList<>();

    public boolean isAlive(String region) {
        return site(region).isAlive();
    }

    public String logTail(String region, int lines) {
        return site(region).logTail(lines);
    }

    /** Heals every proxy (pass, no delay, no pending rules). */
    public void healAll() {
        proxies.values().forEach(FaultProxy::heal);
    }

    private void killAll() {
        sites.values().parallelStream().forEach(SiteProcess::kill);
        twins.forEach(SiteProcess::kill);
    }

    /** Kills every site, closes the proxies, deletes the cluster directory unless diminet.keep-cluster is set. */
    @Override
    public void close() {
        killAll();
        proxies.values().forEach(FaultProxy::close);
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
        if (System.getProperty("diminet.keep-cluster") != null) {
            System.out.println("ProcessCluster: kept " + dir);
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("ProcessCluster: cannot delete " + dir + ": " + e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "ProcessCluster" + sites.values();
    }
}
