package org.diminet.vim.embedded;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.vim.VimPort;

/**
 * A port as the embedded VIM shows it. Its {@code status} is always {@code DOWN}: nothing binds it to
 * a host in a simulator.
 *
 * @param project  the project that owns it: its network's, or the creating project's when that one put a
 *                 port on another project's shared network
 * @param revision Neutron's {@code revision_number}: 1 when created, one more with every change
 */
public record PortView(String id, String name, String project, String networkId, String deviceOwner,
                       String deviceId, String macAddress, List<FixedIp> fixedIps, boolean adminStateUp,
                       String status, Instant createdAt, Instant updatedAt, String description, long revision) {
    public PortView {
        Objects.requireNonNull(project, "project");
        fixedIps = List.copyOf(fixedIps);
        description = description == null ? "" : description;
    }

    /** This port as the core's VIM port reports it. */
    public VimPort toVimPort() {
        return new VimPort(id, NetworkId.of(networkId), deviceOwner, fixedIps.stream().map(FixedIp::ipAddress).toList());
    }

    /** The same port holding other addresses, changed now. */
    PortView withFixedIps(List<FixedIp> addresses) {
        return new PortView(id, name, project, networkId, deviceOwner, deviceId, macAddress, addresses, adminStateUp,
                status, createdAt, ResourceFields.now(), description, revision + 1);
    }
}
