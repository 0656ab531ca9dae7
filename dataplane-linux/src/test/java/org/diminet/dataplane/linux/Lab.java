package org.diminet.dataplane.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A test's topology on this host, removed again by {@link #close()} (also from a shutdown hook if the JVM
 * is stopped): namespaces named {@code dmn-t<run>-…} with a random run id, so a crashed run never blocks the
 * next, and FRR directories under {@code /tmp/dmn-t<run>}, which also name the JVM that owns the run.
 * {@link #removeStaleRuns()} removes what a killed JVM left.
 */
final class Lab implements AutoCloseable {
    static final String RUN_PREFIX = Naming.DEFAULT_PREFIX + "t";
    private static final Path TMP = Path.of("/tmp");
    private static final Duration STALE = Duration.ofHours(1);
    private static final String OWNER = "owner";

    final LinuxNetwork net = LinuxNetwork.create();
    final String run;
    final Path directory;
    final String wan;
    private final List<String> namespaces = new ArrayList<>();
    private final List<FrrInstance> frrs = new ArrayList<>();
    private final List<Site> sites = new ArrayList<>();
    private final Thread hook = new Thread(this::cleanUp, "lab-cleanup");
    private boolean closed;

    /** One site: its namespace, underlay address, FRR and BGP EVPN. */
    record Site(int number, String namespace, String underlay, FrrInstance frr, BgpEvpn bgp) {
        long asn() {
            return 65000 + number;
        }
    }

    Lab() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        run = id.toString();
        directory = TMP.resolve(RUN_PREFIX + run);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            ProcessHandle self = ProcessHandle.current();
            Files.writeString(directory.resolve(OWNER), self.pid() + " "
                    + self.info().startInstant().map(Instant::toString).orElse("?") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        wan = namespace("wan");
    }

    /** A namespace name of this run, remembered for clean-up; nothing is created yet. */
    String namespace(String suffix) {
        String name = net.naming().namespace("t" + run + "-" + suffix);
        namespaces.add(name);
        return name;
    }

    /** A site namespace attached to the WAN with 10.255.0.N/24, FRR started in it (BGP not configured). */
    Site site(int number) {
        String ns = namespace("s" + number);
        String underlay = "10.255.0." + number;
        net.attachToWan(wan, ns, underlay + "/24");
        FrrInstance frr = new FrrInstance(net.runner(), ns, directory.resolve("s" + number));
        frrs.add(frr);
        frr.start("site" + number, Duration.ofSeconds(20));
        Site site = new Site(number, ns, underlay, frr, new BgpEvpn(frr));
        sites.add(site);
        return site;
    }

    /** Sites 1..n. */
    List<Site> sites(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(this::site).toList();
    }

    /** eBGP EVPN between all given sites (full mesh, AS 65000+N, router id = underlay address). */
    void peer(List<Site> all) {
        for (Site site : all) {
            List<BgpNeighbor> neighbors = all.stream().filter(o -> o != site)
                    .map(o -> BgpNeighbor.of(o.underlay(), o.asn())).toList();
            site.bgp().configureRouter(BgpRouter.ebgp(site.asn(), site.underlay(), neighbors));
        }
    }

    /** Waits (at most {@code within}) until every site's sessions with all others are up; returns the time taken. */
    Duration awaitMesh(List<Site> all, Duration within) {
        long start = System.nanoTime();
        for (Site site : all) {
            List<String> others = all.stream().filter(o -> o != site).map(Site::underlay).toList();
            site.bgp().awaitEstablished(others, within);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** A machine on {@code bridge} of {@code site}, named {@code m<label>}. */
    MachineSpec machine(Site site, String label, String bridge, String cidr) {
        MachineSpec spec = MachineSpec.of(namespace("m" + label), site.namespace(), bridge, cidr, null);
        net.ensureMachine(spec);
        return spec;
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs cleanUp, which is idempotent
        }
    }

    private synchronized void cleanUp() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        attempt(failures, () -> FrrInstance.stopAll(frrs));
        attempt(failures, () -> FrrInstance.killLeftovers(directory));
        // Machines before sites before the WAN: the reverse of creation.
        for (String ns : namespaces.reversed()) {
            attempt(failures, () -> net.namespaces().delete(ns));
        }
        attempt(failures, () -> DirectoryTrees.delete(directory));
        if (!failures.isEmpty()) {
            RuntimeException first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    /**
     * Removes what earlier test runs left when their JVM was killed before its clean-up: the run's FRR
     * daemons, namespaces (with the processes in them) and directory. A run is stale when the JVM named in
     * its directory's owner file is gone; namespaces of a run without a directory are removed when over an
     * hour old. Runs of JVMs still alive (e.g. a parallel build) are left alone.
     */
    static void removeStaleRuns() {
        LinuxNetwork net = LinuxNetwork.create();
        Instant limit = Instant.now().minus(STALE);
        List<String> namespaces = net.namespaces().list(RUN_PREFIX);
        try (Stream<Path> dirs = Files.list(TMP)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(RUN_PREFIX)).toList()) {
                if (ownerGone(dir) || (!Files.exists(dir.resolve(OWNER)) && olderThan(dir, limit))) {
                    FrrInstance.killLeftovers(dir);
                    String runPrefix = dir.getFileName() + "-";
                    namespaces.stream().filter(ns -> ns.startsWith(runPrefix)).forEach(net.namespaces()::delete);
                    DirectoryTrees.delete(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String ns : net.namespaces().list(RUN_PREFIX)) {
            int dash = ns.indexOf('-', RUN_PREFIX.length());
            String run = dash < 0 ? ns : ns.substring(0, dash);
            if (!Files.exists(TMP.resolve(run)) && olderThan(Path.of("/run/netns", ns), limit)) {
                net.namespaces().delete(ns);
            }
        }
    }

    /** Whether the JVM that owned the run in {@code dir} has ended (its pid is gone or now another process). */
    private static boolean ownerGone(Path dir) {
        String[] owner;
        try {
            owner = Files.readString(dir.resolve(OWNER)).strip().split(" ");
        } catch (IOException e) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner[0]);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(h -> h.info().startInstant().map(Instant::toString).orElse("?"))
                    .map(start -> owner.length > 1 && !start.equals(owner[1]))
                    .orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean olderThan(Path path, Instant limit) {
        try {
            FileTime time = Files.getLastModifiedTime(path);
            return time.toInstant().isBefore(limit);
        } catch (IOException e) {
            return false;
        }
    }


    private static void attempt(List<RuntimeException> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}
