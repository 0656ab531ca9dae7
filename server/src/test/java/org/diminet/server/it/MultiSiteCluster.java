package org.diminet.server.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.diminet.server.launcher.LocalIdentity;
import org.diminet.server.launcher.SiteLauncher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * N DIMINET sites, each a separate server instance (its own Spring context, HTTP port, H2 file
 * database and embedded VIM), talking to each other over real HTTP on loopback.
 */
public final class MultiSiteCluster implements AutoCloseable {
    private static final String[] NAMES = {"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight"};

    private final Path root;
    private final List<String> regions = new ArrayList<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();
    private final Function<String, Map<String, String>> extraSettings;
    private final LocalIdentity identity;

    private MultiSiteCluster(int size, Function<String, Map<String, String>> extraSettings) throws IOException {
        this.root = Files.createTempDirectory("diminet-cluster-");
        this.extraSettings = extraSettings;
        for (int i = 0; i < size; i++) {
            String region = "Region" + NAMES[i];
            regions.add(region);
            ports.put(region, freePort());
        }
        this.identity = LocalIdentity.generate(regions);
    }

    public static MultiSiteCluster start(int size) throws Exception {
        return start(size, region -> Map.of());
    }

    /** @param extraSettings per region, Spring properties that override the defaults */
    public static MultiSiteCluster start(int size, Function<String, Map<String, String>> extraSettings) throws Exception {
        MultiSiteCluster cluster = new MultiSiteCluster(size, extraSettings);
        // One after the other: contexts share the JVM's logging system, which each start re-initialises.
        for (String region : cluster.regions) {
            cluster.running.put(region, SiteLauncher.start(cluster.settings(region)));
        }
        return cluster;
    }

    List<String> regions() {
        return regions;
    }

    public String region(int index) {
        return regions.get(index);
    }

    int size() {
        return regions.size();
    }

    /** The site, called by the admin (who sees every project). */
    public SiteClient site(String region) {
        return as(LocalIdentity.ADMIN, region);
    }

    /** The site, called by {@code user} of {@link LocalIdentity} ({@code alice}, {@code bob}, {@code admin}). */
    public SiteClient as(String user, String region) {
        return new SiteClient(region, "http://127.0.0.1:" + ports.get(region), identity.tokenFor(user));
    }

    /** {@code region}, called by the site {@code peer} (its service token, its region). */
    SiteClient asPeer(String peer, String region) {
        return site(region).asPeer(identity.tokenFor("diminet-" + peer), peer);
    }

    public LocalIdentity identity() {
        return identity;
    }

    SiteClient site(int index) {
        return site(regions.get(index));
    }

    /** Where the site's APIs (North, identity, Neutron) answer, e.g. {@code http://127.0.0.1:41234}. */
    public String url(String region) {
        return "http://127.0.0.1:" + ports.get(region);
    }

    <T> T bean(String region, Class<T> type) {
        return running.get(region).getBean(type);
    }

    /** Stops a site as a crash or partition would look to its peers: its port stops answering. */
    public void stop(String region) {
        ConfigurableApplicationContext context = running.remove(region);
        if (context != null) {
            context.close();
        }
    }

    /** Starts a stopped site again on the same port and data directory. */
    public void restart(String region) {
        stop(region);
        running.put(region, SiteLauncher.start(settings(region)));
    }

    private Map<String, Object> settings(String region) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("diminet.region", region);
        settings.put("server.port", ports.get(region));
        settings.put("diminet.data-dir", root.resolve(region).toString());
        settings.put("diminet.peer.request-timeout", "10s");
        settings.put("logging.level.org.diminet.phases", "WARN");
        // Short pauses so that retries, revocations and the outbox play out within a test.
        settings.put("diminet.operations.deadline", "4s");
        settings.put("diminet.operations.first-retry", "100ms");
        settings.put("diminet.operations.max-retry", "1s");
        settings.put("diminet.operations.reconcile-interval", "300ms");
        settings.put("diminet.operations.answer-wait", "1s");
        settings.put("diminet.operations.probe-interval", "500ms");
        settings.putAll(identity.settings());
        settings.put("diminet.auth.rate-limit", "0"); // tests call faster than a user may; RateLimitTest turns it on
        for (String other : regions) {
            if (!other.equals(region)) {
                settings.put("diminet.peers." + other, "http://127.0.0.1:" + ports.get(other));
            }
        }
        settings.putAll(extraSettings.apply(region));
        return settings;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        new ArrayList<>(running.keySet()).forEach(this::stop);
        FileSystemUtils.deleteRecursively(root.toFile());
    }
}
