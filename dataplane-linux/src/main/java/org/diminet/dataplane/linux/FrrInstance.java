package org.diminet.dataplane.linux;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One FRR (zebra + bgpd) running inside one site namespace, with all its files in one directory so several
 * FRRs coexist on a host:
 * <pre>
 *   DIR/zebra.conf DIR/bgpd.conf   start-up configuration (hostname and log file only)
 *   DIR/zebra.pid  DIR/bgpd.pid    pid files, also used to find leftovers ({@link #killLeftovers(Path)})
 *   DIR/zserv.api                  zebra's socket for bgpd
 *   DIR/zebra.vty  DIR/bgpd.vty    vty sockets, for {@code vtysh --vty_socket DIR}
 *   DIR/zebra.log  DIR/bgpd.log    logs
 * </pre>
 * The daemons are started as {@code ip netns exec NS /usr/lib/frr/zebra -d -f … -i … -z … --vty_socket DIR
 * -P 0 -u frr -g frr} (bgpd alike; {@code -P 0}: no TCP vty). They are reached through their Unix sockets
 * only: the JVM never enters the namespace. Configuration is not saved: what {@link #configure(List)} sets
 * lives until the daemons stop, and the owner re-applies its desired state after a restart.
 *
 * <p>The directory's path must be short (Unix socket paths are limited to 107 bytes) and every directory
 * above it searchable by the {@code frr} user, e.g. under {@code /run} or {@code /tmp}.
 */
public final class FrrInstance {
    private static final List<String> DAEMONS = List.of("zebra", "bgpd");
    private static final int STOP_GRACE_SECONDS = 5;
    /** A Unix socket path has at most 107 bytes; leave room for FRR's own suffixes. */
    private static final int MAX_SOCKET_PATH = 100;

    private final CommandRunner runner;
    private final String namespace;
    private final Path directory;
    private final FrrInstallation installation;

    public FrrInstance(CommandRunner runner, String namespace, Path directory, FrrInstallation installation) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.directory = directory.toAbsolutePath().normalize();
        if (this.directory.resolve("zserv.api").toString().length() > MAX_SOCKET_PATH) {
            throw new IllegalArgumentException("FRR directory path too long for Unix sockets (at most "
                    + (MAX_SOCKET_PATH - "/zserv.api".length()) + " characters): " + this.directory);
        }
        this.installation = Objects.requireNonNull(installation, "installation");
    }

    public FrrInstance(CommandRunner runner, String namespace, Path directory) {
        this(runner, namespace, directory, FrrInstallation.debian());
    }

    public String namespace() {
        return namespace;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Starts zebra and bgpd unless both run already, and waits until both answer {@code vtysh}.
     * A half-running FRR (one daemon only, or stale pid files) is stopped and started afresh.
     *
     * @param hostname the FRR hostname (appears to peers, e.g. in {@code show bgp summary})
     * @throws FrrException when the daemons do not answer within {@code readyWithin}
     */
    public void start(String hostname, Duration readyWithin) {
        Addresses.id("FRR hostname", hostname);
        if (running()) {
            awaitReady(readyWithin);
            return;
        }
        stop();
        prepareDirectory(hostname);
        for (String daemon : DAEMONS) {
            Path program = daemon.equals("zebra") ? installation.zebra() : installation.bgpd();
            List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace, program.toString(), "-d",
                    "-f", file(daemon + ".conf").toString(),
                    "-i", file(daemon + ".pid").toString(),
                    "-z", file("zserv.api").toString(),
                    "--vty_socket", directory.toString(),
                    "-P", "0",
                    "-u", installation.user(), "-g", installation.group(),
                    "--log", "file:" + file(daemon + ".log"),
                    "--limit-fds", "4096"));
            runner.run(Command.of(argv).withTimeout(Duration.ofSeconds(30)));
        }
        awaitReady(readyWithin);
    }

    /** Whether both daemons' pid files name live processes of this instance. */
    public boolean running() {
        return DAEMONS.stream().allMatch(d -> daemonProcess(d).isPresent());
    }

    /**
     * Stops both daemons (SIGTERM, then SIGKILL after {@value #STOP_GRACE_SECONDS} s), if running, and
     * removes their pid and socket files. bgpd takes about 2 s to end (it closes its sessions first);
     * {@link #stopAll} stops many instances in that time.
     */
    public void stop() {
        stopAll(List.of(this));
    }

    /** Stops several instances at once: all their daemons are signalled together. */
    public static void stopAll(Collection<FrrInstance> instances) {
        List<Long> pids = new ArrayList<>();
        for (FrrInstance frr : instances) {
            for (String daemon : DAEMONS) {
                frr.daemonProcess(daemon).ifPresent(p -> pids.add(p.pid()));
            }
        }
        Processes.stop(pids, Duration.ofSeconds(STOP_GRACE_SECONDS));
        for (FrrInstance frr : instances) {
            frr.removeRuntimeFiles();
        }
    }

    private void removeRuntimeFiles() {
        for (String name : List.of("zebra.pid", "bgpd.pid", "zebra.vty", "bgpd.vty", "zserv.api")) {
            try {
                Files.deleteIfExists(file(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Stops the FRR daemons left by earlier runs under {@code root}: every {@code zebra.pid} or
     * {@code bgpd.pid} found up to three levels down whose process is an FRR daemon started with that pid
     * file. Returns the ids of the processes it stopped.
     */
    public static List<Long> killLeftovers(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> files = Files.find(root, 3, (p, a) -> a.isRegularFile()
                && (p.getFileName().toString().equals("zebra.pid") || p.getFileName().toString().equals("bgpd.pid")))) {
            files.forEach(p -> processOf(p).ifPresent(h -> pids.add(h.pid())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.stop(pids, Duration.ofSeconds(STOP_GRACE_SECONDS));
        return pids;
    }

    /**
     * Applies configuration lines, in order, after {@code configure terminal}; each may change the
     * context as in an interactive session ({@code router bgp 65001}, {@code address-family …}).
     *
     * @return what vtysh printed
     * @throws FrrException when FRR answered any line with an error ({@code % …})
     */
    public String configure(List<String> lines) {
        List<String> all = new ArrayList<>();
        all.add("configure terminal");
        all.addAll(lines);
        String out = vtysh(all);
        List<String> complaints = out.lines().filter(l -> l.startsWith("%")).toList();
        if (!complaints.isEmpty()) {
            throw new FrrException("FRR in " + namespace + " refused configuration " + lines + ": "
                    + String.join("; ", complaints));
        }
        return out;
    }

    /** Runs one {@code show …} command and returns its text. */
    public String show(String command) {
        if (!command.startsWith("show ")) {
            throw new IllegalArgumentException("not a show command: " + command);
        }
        return vtysh(List.of(command));
    }

    /** Runs a {@code show … json} command and parses it. */
    JsonNode showJson(String command) {
        if (!command.endsWith(" json")) {
            throw new IllegalArgumentException("not a json command: " + command);
        }
        String text = show(command);
        try {
            return IpTool.parse(text);
        } catch (IllegalStateException e) {
            throw new FrrException("FRR in " + namespace + " answered `" + command + "` with something not JSON: "
                    + IpTool.abbreviate(text), e);
        }
    }

    /** Runs vtysh with one {@code -c} per line, against this instance's sockets. */
    public String vtysh(List<String> lines) {
        List<String> argv = new ArrayList<>(List.of(installation.vtysh().toString(),
                "--vty_socket", directory.toString()));
        for (String line : lines) {
            if (line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("one vtysh command per line: " + line);
            }
            argv.add("-c");
            argv.add(line);
        }
        return runner.run(Command.of(argv).withTimeout(Duration.ofSeconds(30)));
    }

    private void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        CommandFailedException last = null;
        while (true) {
            try {
                for (String daemon : DAEMONS) {
                    runner.run(Command.of(installation.vtysh().toString(), "--vty_socket", directory.toString(),
                            "-d", daemon, "-c", "show version").withTimeout(Duration.ofSeconds(5)));
                }
                return;
            } catch (CommandFailedException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new FrrException("FRR in " + namespace + " (" + directory + ") did not answer within "
                        + within.toMillis() + " ms; see its logs there", last);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private Optional<ProcessHandle> daemonProcess(String daemon) {
        return processOf(file(daemon + ".pid"));
    }

    /** The live process a pid file names, if it is a daemon started with that very pid file. */
    private static Optional<ProcessHandle> processOf(Path pidFile) {
        String text;
        try {
            text = Files.readString(pidFile).strip();
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String expected = pidFile.toAbsolutePath().normalize().toString();
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().arguments().map(args -> List.of(args).contains(expected)).orElse(false));
    }

    private void prepareDirectory(String hostname) {
        try {
            Files.createDirectories(directory);
            for (String daemon : DAEMONS) {
                Files.writeString(file(daemon + ".conf"), "hostname " + hostname + "\n"
                        + "log file " + file(daemon + ".log") + "\n");
            }
            // The daemons drop to the frr user before writing pid files, sockets and logs.
            UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
            GroupPrincipal group = users.lookupPrincipalByGroupName(installation.group());
            for (Path p : List.of(directory, file("zebra.conf"), file("bgpd.conf"))) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                view.setOwner(users.lookupPrincipalByName(installation.user()));
                view.setGroup(group);
            }
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare FRR directory " + directory, e);
        }
    }

    private Path file(String name) {
        return directory.resolve(name);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FrrException("interrupted while waiting for FRR", e);
        }
    }
}
