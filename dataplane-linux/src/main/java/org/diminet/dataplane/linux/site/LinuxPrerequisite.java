package org.diminet.dataplane.linux.site;

import java.time.Duration;
import java.util.Optional;
import org.diminet.dataplane.linux.Command;
import org.diminet.dataplane.linux.CommandFailedException;
import org.diminet.dataplane.linux.FrrInstallation;
import org.diminet.dataplane.linux.ProcessRunner;

/** What the {@code linux} driver needs of the host, checked before a site starts rather than at its first service. */
public final class LinuxPrerequisite {
    private LinuxPrerequisite() {
    }

    /** Why this host cannot run the driver (not root, no namespaces, no FRR), or empty when it can. */
    public static Optional<String> missing() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.of("network namespaces need Linux");
        }
        try {
            String uid = new ProcessRunner().run(Command.of("id", "-u").withTimeout(Duration.ofSeconds(5))).trim();
            if (!"0".equals(uid)) {
                return Optional.of("it needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN) to make namespaces; running as uid " + uid);
            }
        } catch (CommandFailedException e) {
            return Optional.of("cannot tell the user id: " + e.getMessage());
        }
        FrrInstallation frr = FrrInstallation.debian();
        if (!frr.present()) {
            return Optional.of("FRR is not installed (" + frr.zebra() + ", " + frr.bgpd() + ", " + frr.vtysh()
                    + "); apt-get install --no-install-recommends frr");
        }
        return Optional.empty();
    }

    /** @throws IllegalStateException saying what is missing */
    public static void require() {
        missing().ifPresent(why -> {
            throw new IllegalStateException("diminet.data-plane.driver=linux cannot run here: " + why);
        });
    }
}
