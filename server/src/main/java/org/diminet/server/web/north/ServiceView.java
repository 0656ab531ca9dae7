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
import org.diminet.core.service.ServiceStatus;

/**
 * A service as a site stores it, as the North API shows it, with its open operations (which sites are
 * behind and why) when it has any. {@code resource_global},
 * {@code subresources} and {@code interconnections} repeat data in the prototype's names for its clients.
 */
public record ServiceView(String globalId, String resourceGlobal, String name, ServiceType type, String project,
                          String master, ServiceState state, List<ResourceBody> resources, List<String> subresources,
                          ServiceParams params, List<Connection> connections, DataPlaneAttachment dataPlane,
                          List<String> interconnections, Instant createdAt, Instant updatedAt,
                          List<OperationView> pendingOperations) {

    public static ServiceView of(ServiceStatus status) {
        InterSiteService s = status.service();
        return new ServiceView(s.id().toString(), s.id().toString(), s.name(), s.type(), s.project(), s.master().name(),
                status.state(), s.resources().stream().map(ResourceBody::of).toList(),
                s.resources().stream().map(Resource::toLegacyString).toList(), s.params(), s.connections(),
                s.attachment().orElse(null), s.attachment().map(DataPlaneAttachment::externalIds).orElse(List.of()),
                s.createdAt(), s.updatedAt(), status.pending().stream().map(OperationView::of).toList());
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
