package org.diminet.server.wire;

import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "An inter-site service as this site has it")
public record ServiceView(
        @Schema(description = "The service's id, made by its master and the same at every site", example = ID)
        String globalId,
        @Schema(description = "The same id, under the Python prototype's name", example = ID)
        String resourceGlobal,
        @Schema(description = "The name given at creation", example = "my-l2")
        String name,
        @Schema(description = "L2 (extension of one network to other sites) or L3 (routing between networks)",
                example = "L2")
        ServiceType type,
        @Schema(description = "The project the service belongs to", example = "project-a")
        String project,
        @Schema(description = "The master: the site that received the create and coordinates every change",
                example = "RegionOne")
        String master,
        @Schema(description = "Where the service stands at this site: ACTIVE (complete), DEGRADED (works, but a step"
                + " waits for a site), CREATING / UPDATING / DELETING (an operation of the master is running), FAILED"
                + " (a revoked create still being undone at a site that does not answer, or a part whose master no"
                + " longer knows it and that still has machines)", example = "ACTIVE")
        ServiceState state,
        @Schema(description = "One entry per site: its region and the service's network there",
                example = "[{\"region\": \"RegionOne\", \"network\": \"3b8360e6-e29a-4063-a8bc-7bbd0785d08b\"},"
                        + " {\"region\": \"RegionTwo\", \"network\": \"a41e9b52-3f4c-4e47-8b35-5f0c6a2d9e11\"}]")
        List<ResourceBody> resources,
        @Schema(description = "The same, in the Python prototype's form `<region>,<network id>`",
                example = "[\"RegionOne,3b8360e6-e29a-4063-a8bc-7bbd0785d08b\","
                        + " \"RegionTwo,a41e9b52-3f4c-4e47-8b35-5f0c6a2d9e11\"]")
        List<String> subresources,
        @Schema(description = "This site's parameters of the service, by `kind`: L2 (CIDR, gateway, this site's pools"
                + " and, at the master, the ledger) or L3 (the local CIDRs)",
                example = "{\"kind\": \"L3\", \"local_cidrs\": [\"10.1.0.0/24\"]}")
        ServiceParams params,
        @Schema(description = "How this site reaches each other site of the service: the route targets exchanged",
                example = "[{\"remote_region\": \"RegionTwo\", \"remote_network\": \"a41e9b52-3f4c-4e47-8b35-5f0c6a2d9e11\","
                        + " \"local_export\": \"64512:1840236545\", \"remote_export\": \"64512:907317321\"}]")
        List<Connection> connections,
        @Schema(description = "What the data-plane driver made at this site; null until it has attached the service")
        DataPlaneAttachment dataPlane,
        @Schema(description = "The data plane's object ids at this site (`data_plane.external_ids`), under the Python"
                + " prototype's name", example = "[\"c5d1a0f2-8e3b-4f6a-9d7c-2b1e0f3a4c5d\"]")
        List<String> interconnections,
        @Schema(description = "When the service was created", example = "2026-11-22T10:15:00Z")
        Instant createdAt,
        @Schema(description = "When it last changed at this site", example = "2026-11-22T10:15:01.250Z")
        Instant updatedAt,
        @Schema(description = "The service's open operations at this site, with the steps still pending: which sites"
                + " are behind and why; empty when everything is settled", example = "[]")
        List<OperationView> pendingOperations) {
    private static final String ID = "7f1c2a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b";

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
