package org.diminet.dataplane.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Skips a test, with the reason in the report, when this machine cannot run it: namespaces need root
 * (CAP_NET_ADMIN and CAP_SYS_ADMIN) and iproute2; BGP EVPN needs Debian's {@code frr} package too, and the
 * probes need {@code ping} ({@code apt-get install --no-install-recommends frr iputils-ping iproute2}).
 * The checks run once per JVM.
 */
public final class LinuxPrerequisites {
    private static Optional<String> namespacesMissing;
    private static Optional<String> frrMissing;

    private LinuxPrerequisites() {
    }

    /** Skips unless network namespaces can be made here. */
    public static void assumeNamespaces() {
        Optional<String> why = namespacesMissing();
        assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
    }

    /** Skips unless namespaces can be made and FRR (zebra, bgpd, vtysh) and ping are installed. */
    public static void assumeFrr() {
        assumeNamespaces();
        Optional<String> why = frrMissing();
        assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
    }

    /** Why namespaces cannot be made here, or empty when they can. */
    public static synchronized Optional<String> namespacesMissing() {
        if (namespacesMissing == null) {
            namespacesMissing = checkNamespaces();
        }
        return namespacesMissing;
    }

    /** Why FRR cannot run here, or empty when it can. */
    public static synchronized Optional<String> frrMissing() {
        if (frrMissing == null) {
            frrMissing = checkFrr();
        }
        return frrMissing;
    }

    private static Optional<String> checkNamespaces() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.of("network namespaces need Linux");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("network namespaces need root (running as " + System.getProperty("user.name") + ")");
        }
        CommandRunner runner = new ProcessRunner();
        String probe = Naming.DEFAULT_PREFIX + "probe-" + ThreadLocalRandom.current().nextInt(1_000_000);
        try {
            runner.run(Command.of("ip", "netns", "add", probe).withTimeout(Duration.ofSeconds(10)));
            runner.run(Command.of("ip", "-n", probe, "link", "add", "b0", "type", "bridge"));
            runner.run(Command.of("ip", "netns", "delete", probe));
            return Optional.empty();
        } catch (CommandFailedException e) {
            try {
                runner.run(Command.of("ip", "netns", "delete", probe));
            } catch (CommandFailedException ignored) {
                // it was never made
            }
            return Optional.of("cannot make a network namespace with a bridge here: " + e.getMessage());
        }
    }

    private static Optional<String> checkFrr() {
        FrrInstallation frr = FrrInstallation.debian();
        if (!frr.present()) {
            return Optional.of("FRR is not installed (" + frr.zebra() + ", " + frr.bgpd() + ", " + frr.vtysh()
                    + "); apt-get install --no-install-recommends frr");
        }
        try {
            new ProcessRunner().run(Command.of("ping", "-V"));
        } catch (CommandFailedException e) {
            return Optional.of("ping is not installed; apt-get install --no-install-recommends iputils-ping");
        }
        return Optional.empty();
    }
}
