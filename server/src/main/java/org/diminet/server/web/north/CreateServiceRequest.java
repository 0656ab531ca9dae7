package org.diminet.server.web.north;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.diminet.core.domain.Caller;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.service.NewService;

/**
 * Body of {@code POST /api/intersite-vertical}. {@code subresources} is the Python prototype's form
 * ({@code ["RegionOne,<uuid>", "RegionTwo"]}), accepted so its clients work unchanged.
 */
public record CreateServiceRequest(
        @Schema(example = "my-l2") String name,
        @Schema(example = "L2", allowableValues = {"L2", "L3"}) String type,
        List<ResourceBody> resources,
        @Schema(description = "prototype form of resources", example = "[\"RegionOne,3b8360e6-e29a-4063-a8bc-7bbd0785d08b\", \"RegionTwo\"]")
        List<String> subresources,
        @Schema(description = "admins only: the project the service is for (default: the token's project)")
        String projectId) {

    /** The new service, in the caller's project or, for an admin, the one the body names. */
    public NewService toDomain(Caller caller) {
        String project = caller.projectFor(java.util.Optional.ofNullable(projectId).filter(p -> !p.isBlank()));
        return new NewService(name, type == null ? null : ServiceType.parse(type), project,
                ResourceLists.parse(resources, subresources));
    }
}
