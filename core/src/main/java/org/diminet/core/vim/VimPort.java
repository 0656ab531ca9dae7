package org.diminet.core.vim;

import java.util.List;
import org.diminet.core.domain.NetworkId;

/**
 * A port on a network. Ports whose {@code deviceOwner} starts with {@code network:} belong to the VIM
 * itself (DHCP, router interfaces); the others are users' machines.
 */
public record VimPort(String id, NetworkId networkId, String deviceOwner, List<String> fixedIps) {
    public VimPort {
        deviceOwner = deviceOwner == null ? "" : deviceOwner;
        fixedIps = List.copyOf(fixedIps);
    }

    public boolean isUserPort() {
        return !deviceOwner.startsWith("network:");
    }
}
