package org.diminet.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.diminet.server.it.MultiSiteCluster;
import org.diminet.server.launcher.LocalIdentity;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Three running sites for the client's tests, started once for every test class that uses this
 * extension and stopped when the test run ends (JUnit closes what its root store holds): one start
 * of three sites instead of one per class. RegionOne also has a peer, RegionGhost, that never
 * answers, so that {@code peer list} has an unreachable peer to show.
 *
 * <p>Tests of different classes share the sites, so each uses its own networks and CIDRs.
 */
final class CliSites implements BeforeAllCallback {
    static final String GHOST = "RegionGhost";
    private static volatile Sites sites;

    /** The running sites and a clean home directory (no clouds.yaml) for the client's environment. */
    record Sites(MultiSiteCluster cluster, Path home) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            cluster.close();
            org.springframework.util.FileSystemUtils.deleteRecursively(home.toFile());
        }

        String url(int site) {
            return cluster.url(cluster.region(site));
        }

        String region(int site) {
            return cluster.region(site);
        }

        String password(String user) {
            return cluster.identity().user(user).password();
        }

        String token(String user) {
            return cluster.identity().tokenFor(user);
        }

        /** {@code OS_*} variables that log {@code user} in at {@code site}'s embedded identity, and its DIMINET. */
        Map<String, String> loggedIn(String user, int site) {
            Map<String, String> env = new HashMap<>(bare());
            env.put("OS_AUTH_URL", url(site) + "/v3");
            env.put("OS_USERNAME", user);
            env.put("OS_PASSWORD", password(user));
            env.put("OS_PROJECT_NAME", cluster.identity().user(user).project());
            env.put("DIMINET_URL", url(site));
            return env;
        }

        /** No settings at all but a home without clouds.yaml. */
        Map<String, String> bare() {
            return Map.of("HOME", home.toString());
        }

        /** {@code diminet ARGS} as {@code user} logged in at {@code site}, run from the home directory. */
        CliRun run(String user, int site, String... args) {
            return CliRun.of(loggedIn(user, site), home, args);
        }

        CliRun run(Map<String, String> environment, String... args) {
            return CliRun.of(environment, home, args);
        }
    }

    static Sites sites() {
        return sites;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sites = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(CliSites.class, key -> start(), Sites.class);
    }

    private static Sites start() {
        try {
            int ghostPort = MultiSiteCluster.freePort();
            // Probes and reconciliation at a calmer pace than MultiSiteCluster's: these sites stay up until the
            // test run ends, and idle sites should not load the tests that run after these.
            MultiSiteCluster cluster = MultiSiteCluster.start(3, region -> {
                Map<String, String> settings = new HashMap<>(Map.of(
                        "diminet.operations.probe-interval", "1s", "diminet.operations.reconcile-interval", "1s"));
                if (region.equals("RegionOne")) {
                    settings.put("diminet.peers." + GHOST, "http://127.0.0.1:" + ghostPort);
                }
                return settings;
            });
            return new Sites(cluster, Files.createTempDirectory("diminet-cli-home-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the sites", e);
        }
    }

    static final String ALICE = LocalIdentity.ALICE;
    static final String BOB = LocalIdentity.BOB;
    static final String ADMIN = LocalIdentity.ADMIN;
}
