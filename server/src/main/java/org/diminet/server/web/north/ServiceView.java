package org.diminet.server.web.north;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.diminet.core.domain.Connection;
import org.diminet.core.domain.DataPlaneAttachment;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceParams;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.ServiceType;

/**
 * A service as a site stores it, as the North API shows it. {@code resource_global},
 * {@code subresources} and {@code interconnections} repeat data in the prototype's names for its clients.
 */
public record ServiceView(String globalId, String resourceGlobal, String name, ServiceType type, String project,
                          String master, ServiceState state, List<ResourceBody> resources, List<String> subresources,
                          ServiceParams params, List<Connection> connections, DataPlaneAttachment dataPlane,
                          List<String> interconnections, Instant createdAt, Instant updatedAt) {

    public static ServiceView of(InterSiteService s) {
        return new ServiceView(s.id().toString(), s.id().toString(), s.name(), s.type(), s.project(), s.master().name(),
                s.state(), s.resources().stream().map(ResourceBody::of).toList(),
                s.resources().stream().map(Resource::toLegacyString).toList(), s.params(), s.connections(),
                s.attachment().orElse(null), s.attachment().map(DataPlaneAttachment::externalIds).orElse(List.of()),
                s.createdAt(), s.updatedAt());
    }

    /** Back to the domain, for a response forwarded from the master. */
    public InterSiteService toDomain() {
        List<Resource> parsed = new java.util.ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            parsed.add(resources.get(i).toDomain("resources[" + i + "]"));
        }
        return new InterSiteService(GlobalId.parse(globalId), name, type, project, new Region(master), parsed, params,
                connections, Optional.ofNullable(dataPlane), state, createdAt, updatedAt);
    }
}
