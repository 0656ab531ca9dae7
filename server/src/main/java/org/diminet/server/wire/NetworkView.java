package org.diminet.server.wire;

import java.util.List;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.vim.NetworkSummary;

/** A network a user may name in a service, as {@code GET /api/networks} shows it. */
@io.swagger.v3.oas.annotations.media.Schema(description = "A network the caller may name in a service")
public record NetworkView(
        @io.swagger.v3.oas.annotations.media.Schema(description = "The network's id at its site", example = "3b8360e6-e29a-4063-a8bc-7bbd0785d08b")
        String id,
        @io.swagger.v3.oas.annotations.media.Schema(description = "The network's name", example = "routed-1")
        String name,
        @io.swagger.v3.oas.annotations.media.Schema(description = "The project that owns it", example = "project-a")
        String project,
        @io.swagger.v3.oas.annotations.media.Schema(description = "Whether other projects may use it too", example = "false")
        boolean shared,
        @io.swagger.v3.oas.annotations.media.Schema(description = "The CIDRs of its subnets", example = "[\"10.1.0.0/24\"]")
        List<String> cidrs) {

    public static NetworkView of(NetworkSummary network) {
        return new NetworkView(network.id().value(), network.name(), network.project(), network.shared(),
                network.cidrs().stream().map(Cidr::value).toList());
    }

    /** Back to the core's form, for an answer read from a peer. */
    public NetworkSummary toDomain() {
        return new NetworkSummary(new NetworkId(id), name, project, shared, cidrs.stream().map(Cidr::new).toList());
    }
}
