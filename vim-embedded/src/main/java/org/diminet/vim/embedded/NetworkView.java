package org.diminet.vim.embedded;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A network as the embedded VIM shows it; {@code subnetIds} are in creation order.
 *
 * @param project  the project that owns it (Neutron's {@code project_id})
 * @param shared   whether every project may see it and put ports on it (Neutron's {@code shared})
 * @param revision Neutron's {@code revision_number}: 1 when created, one more with every change
 */
public record NetworkView(String id, String name, String project, boolean shared, List<String> subnetIds,
                          boolean adminStateUp, String status, Instant createdAt, Instant updatedAt,
                          String description, long revision) {
    public NetworkView {
        Objects.requireNonNull(project, "project");
        subnetIds = List.copyOf(subnetIds);
        description = description == null ? "" : description;
    }

    /** This network as changed now: the same one, one revision later. */
    NetworkView changed(String name, boolean shared, List<String> subnetIds, boolean adminStateUp, String description) {
        return new NetworkView(id, name, project, shared, subnetIds, adminStateUp, status, createdAt,
                ResourceFields.now(), description, revision + 1);
    }
}
