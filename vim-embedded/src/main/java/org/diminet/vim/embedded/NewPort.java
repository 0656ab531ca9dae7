package org.diminet.vim.embedded;

import java.util.List;
import java.util.Optional;

/**
 * What a port create asks for.
 *
 * @param project     the owner; empty for the network's. Neutron gives a port the creating project, which on
 *                    another project's shared network is not the network's
 * @param deviceOwner e.g. {@code compute:nova} for a VM; {@code network:…} marks a VIM-owned port
 * @param fixedIps    empty for Neutron's choice (an address of the first IPv4 subnet with a free one, one of
 *                    the first such stateful IPv6 subnet, and the EUI-64 address on every SLAAC subnet)
 * @param macAddress  empty for a new random one
 */
public record NewPort(String networkId, Optional<String> project, String name, String deviceOwner, String deviceId,
                      Optional<List<FixedIpRequest>> fixedIps, Optional<String> macAddress, boolean adminStateUp,
                      String description) {
    public NewPort {
        fixedIps = fixedIps.map(List::copyOf);
    }

    /** A port that is up, with a random MAC and at most the one address asked for. */
    public static NewPort of(String networkId, Optional<String> project, String name, String deviceOwner,
                             String deviceId, Optional<FixedIpRequest> fixedIp) {
        return new NewPort(networkId, project, name, deviceOwner, deviceId, fixedIp.map(List::of), Optional.empty(),
                true, "");
    }
}
