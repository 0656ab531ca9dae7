package org.diminet.vim.embedded;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A network as the embedded VIM shows it; {@code subnetIds} are in creation order.
 *
 * @param project the project that owns it (Neutron's {@code project_id})
 * @param shared  whether every project may see it and put ports on it (Neutron's {@code shared})
 */
public record NetworkView(String id, String name, String project, boolean shared, List<String> subnetIds,
                          boolean adminStateUp, String status, Instant createdAt, Instant updatedAt) {
    public NetworkView {
        Objects.requireNonNull(project, "project");
        subnetIds = List.copyOf(subnetIds);
    }
}
