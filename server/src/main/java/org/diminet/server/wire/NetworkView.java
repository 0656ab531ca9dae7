package org.diminet.server.wire;

import java.util.List;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.vim.NetworkSummary;

/** A network a user may name in a service, as {@code GET /api/networks} shows it. */
public record NetworkView(String id, String name, String project, boolean shared, List<String> cidrs) {

    public static NetworkView of(NetworkSummary network) {
        return new NetworkView(network.id().value(), network.name(), network.project(), network.shared(),
                network.cidrs().stream().map(Cidr::value).toList());
    }

    /** Back to the core's form, for an answer read from a peer. */
    public NetworkSummary toDomain() {
        return new NetworkSummary(new NetworkId(id), name, project, shared, cidrs.stream().map(Cidr::new).toList());
    }
}
