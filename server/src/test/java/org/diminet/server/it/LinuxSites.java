package org.diminet.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.diminet.dataplane.linux.Command;
import org.diminet.dataplane.linux.CommandFailedException;
import org.diminet.dataplane.linux.DirectoryTrees;
import org.diminet.dataplane.linux.ProcessRunner;

/**
 * The host side of tests whose sites use the {@code linux} data plane: each run's own name prefix, the
 * sites' settings (site N at 10.255.0.N on the WAN), the machines' namespaces, pings from them, and
 * the removal of whatever the run left on the host.
 */
final class LinuxSites {
    final String prefix = "d" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36) + "-";
    private final List<String> regions;
    private final ProcessRunner shell = new ProcessRunner();

    LinuxSites(List<String> regions) {
        this.regions = List.copyOf(regions);
    }

    Map<String, String> settings(String region) {
        Map<String, String> settings = new LinkedHashMap<>();
        // A part here starts namespaces and, for L3, an FRR of its own: seconds on a busy machine, more than
        // the short deadline the other cluster tests use to see revocations quickly.
        settings.put("diminet.operations.deadline", "30s");
        settings.put("diminet.data-plane.driver", "linux");
        settings.put("diminet.data-plane.linux.underlay", "10.255.0." + number(region) + "/24");
        settings.put("diminet.data-plane.linux.prefix", prefix);
        settings.put("diminet.data-plane.linux.frr-directory", frrDirectory(region).toString());
        for (String peer : regions) {
            if (!peer.equals(region)) {
                settings.put("diminet.data-plane.linux.peers." + peer, "10.255.0." + number(peer));
            }
        }
        return settings;
    }

    /** The namespace of the machine of {@code port} at {@code region}. */
    String machine(String region, JsonNode port) {
        return prefix + "vm-" + region.toLowerCase() + "-" + port.get("id").asText();
    }

    List<String> namespaces(String start) {
        return shell.run(Command.of("ip", "netns", "list")).lines().map(l -> l.split(" ")[0])
                .filter(n -> n.startsWith(start)).toList();
    }

    /** Pings every ~200 ms until an answer or the time is up (machines and routes may still be on their way). */
    boolean pingsWithin(String namespace, String address, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (answers(namespace, address)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Pings until three in a row go unanswered or the time is up. */
    boolean cutWithin(String namespace, String address, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        int lost = 0;
        while (System.nanoTime() < end) {
            lost = answers(namespace, address) ? 0 : lost + 1;
            if (lost == 3) {
                return true;
            }
        }
        return false;
    }

    /** After the sites stopped: every namespace of this run (the WAN included) and the FRR directories. */
    void removeLeftovers() {
        for (String leftover : namespaces(prefix)) {
            try {
                shell.run(Command.of("ip", "netns", "delete", leftover));
            } catch (CommandFailedException e) {
                // already gone
            }
        }
        regions.forEach(region -> DirectoryTrees.delete(frrDirectory(region)));
    }

    private boolean answers(String namespace, String address) {
        try {
            shell.run(Command.of("ip", "netns", "exec", namespace, "ping", "-c", "1", "-W", "1", address)
                    .withTimeout(Duration.ofSeconds(5)));
            return true;
        } catch (CommandFailedException e) {
            return false;
        }
    }

    private int number(String region) {
        return regions.indexOf(region) + 1;
    }

    private Path frrDirectory(String region) {
        return Path.of("/tmp/" + prefix + "frr-" + number(region));
    }
}
