package org.diminet.core.vim;

import java.util.List;
import java.util.Objects;
import org.diminet.core.domain.NetworkId;

/**
 * A network as the VIM reports it.
 *
 * @param project the project that owns it (Neutron's {@code project_id})
 * @param shared  whether every project may use it (Neutron's {@code shared})
 */
public record VimNetwork(NetworkId id, String name, String project, boolean shared, List<String> subnetIds) {
    public VimNetwork {
        Objects.requireNonNull(project, "project");
        subnetIds = List.copyOf(subnetIds);
    }

    /** Whether a service of {@code serviceProject} may name this network: its own or a shared one. */
    public boolean usableBy(String serviceProject) {
        return shared || project.equals(serviceProject);
    }
}
