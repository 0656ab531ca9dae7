package org.diminet.core.vim;

import java.util.List;
import java.util.Objects;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.NetworkId;

/**
 * A network a user may name in a service, as a site lists it for that user: what a person picking
 * networks needs to see (name, owner, CIDRs of its subnets), nothing a service needs to work.
 *
 * @param project the project that owns it
 * @param shared  whether every project may use it
 */
public record NetworkSummary(NetworkId id, String name, String project, boolean shared, List<Cidr> cidrs) {
    public NetworkSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        cidrs = List.copyOf(cidrs);
    }
}
