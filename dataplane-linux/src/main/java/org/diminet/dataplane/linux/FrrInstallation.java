package org.diminet.dataplane.linux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where FRR's programs are and which user its daemons run as. {@link #debian()} is Debian's {@code frr}
 * package (8.4 on Debian 12).
 *
 * @param daemonDirectory where {@code zebra} and {@code bgpd} are
 * @param vtysh           the {@code vtysh} program
 * @param user            the user the daemons drop to
 * @param group           their group
 */
public record FrrInstallation(Path daemonDirectory, Path vtysh, String user, String group) {

    public FrrInstallation {
        Objects.requireNonNull(daemonDirectory, "daemonDirectory");
        Objects.requireNonNull(vtysh, "vtysh");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
    }

    public static FrrInstallation debian() {
        return new FrrInstallation(Path.of("/usr/lib/frr"), Path.of("/usr/bin/vtysh"), "frr", "frr");
    }

    public Path zebra() {
        return daemonDirectory.resolve("zebra");
    }

    public Path bgpd() {
        return daemonDirectory.resolve("bgpd");
    }

    /** Whether the programs are there and executable (not whether they work). */
    public boolean present() {
        return Files.isExecutable(zebra()) && Files.isExecutable(bgpd()) && Files.isExecutable(vtysh);
    }
}
