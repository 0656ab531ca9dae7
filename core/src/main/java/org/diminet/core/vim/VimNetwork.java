package org.diminet.core.vim;

import java.util.List;
import org.diminet.core.domain.NetworkId;

/** A network as the VIM reports it. */
public record VimNetwork(NetworkId id, String name, List<String> subnetIds) {
    public VimNetwork {
        subnetIds = List.copyOf(subnetIds);
    }
}
