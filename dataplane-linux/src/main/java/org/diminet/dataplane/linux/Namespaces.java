package org.diminet.dataplane.linux;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Network namespaces whose names start with the {@link Naming#prefix() prefix}: creating one that exists
 * and deleting one that is gone are not errors. Names without the prefix are refused, so nothing here can
 * touch a namespace this module did not make.
 */
public final class Namespaces {
    private static final Path NETNS_DIR = Path.of("/run/netns");
    private static final int TERM_GRACE_SECONDS = 3;

    private final IpTool ip;
    private final Naming naming;

    Namespaces(IpTool ip, Naming naming) {
        this.ip = ip;
        this.naming = naming;
    }

    /** Creates the namespace unless it exists, and sets its loopback up. */
    public void ensure(String namespace) {
        requireOurs(namespace);
        if (!exists(namespace)) {
            try {
                ip.batch(null, List.of("netns add " + namespace));
            } catch (CommandFailedException e) {
                if (!exists(namespace)) { // else someone made it in the meantime: fine
                    throw e;
                }
            }
        }
        ip.batch(namespace, List.of("link set lo up"));
    }

    public boolean exists(String namespace) {
        return Files.exists(NETNS_DIR.resolve(namespace));
    }

    /**
     * Deletes the namespace, after ending the processes still running in it (SIGTERM, then SIGKILL after
     * {@value #TERM_GRACE_SECONDS} s): a namespace with processes would otherwise live on, unnamed.
     * Deleting it also destroys its interfaces and the far ends of its veths.
     */
    public void delete(String namespace) {
        requireOurs(namespace);
        if (!exists(namespace)) {
            return;
        }
        Processes.stop(pids(namespace), Duration.ofSeconds(TERM_GRACE_SECONDS));
        try {
            ip.batch(null, List.of("netns delete " + namespace));
        } catch (CommandFailedException e) {
            if (exists(namespace)) {
                throw e;
            }
        }
    }

    /** Our namespaces: those whose names start with the prefix, sorted. */
    public List<String> list() {
        return list(naming.prefix());
    }

    /** Those of our namespaces whose names start with {@code prefix} (itself starting with ours), sorted. */
    public List<String> list(String prefix) {
        requireOurs(prefix);
        List<String> names = new ArrayList<>();
        for (JsonNode entry : ip.ipJson(null, "netns", "list")) {
            String name = entry.path("name").asText("");
            if (name.startsWith(prefix)) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }

    /** The ids of the processes running in the namespace (none when it does not exist). */
    public List<Long> pids(String namespace) {
        if (!exists(namespace)) {
            return List.of();
        }
        String out = ip.runner().run(Command.of("ip", "netns", "pids", namespace));
        List<Long> pids = new ArrayList<>();
        for (String line : out.split("\\R")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.strip()));
            }
        }
        return pids;
    }

    /**
     * Runs a program inside the namespace ({@code ip netns exec NS …}) and returns its standard output,
     * e.g. {@code ping} from a machine.
     */
    public String exec(String namespace, Duration timeout, String... argv) {
        requireOurs(namespace);
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(argv));
        return ip.runner().run(Command.of(full).withTimeout(timeout));
    }

    void requireOurs(String namespace) {
        if (!naming.owns(namespace)) {
            throw new IllegalArgumentException("namespace " + namespace + " does not start with the prefix "
                    + naming.prefix() + ": not one of ours");
        }
        if (!namespace.matches("[A-Za-z0-9_.-]{1,200}")) {
            throw new IllegalArgumentException("not a namespace name: " + namespace);
        }
    }
}
