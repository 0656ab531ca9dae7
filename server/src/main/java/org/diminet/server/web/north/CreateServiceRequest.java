package org.diminet.server.web.north;

import org.diminet.server.wire.ResourceLists;

import org.diminet.server.wire.ResourceBody;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.diminet.core.domain.Caller;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.service.NewService;

/**
 * Body of {@code POST /api/intersite-vertical}. {@code subresources} is the Python prototype's form
 * ({@code ["RegionOne,<uuid>", "RegionTwo"]}), accepted so its clients work unchanged.
 */
@Schema(description = "A new service: its name, its type and one resource per site")
public record CreateServiceRequest(
        @Schema(description = "A name for the service (at most 255 characters; need not be unique)", example = "my-l2",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String name,
        @Schema(description = "L2: extend this site's network to the other sites listed; L3: route between the"
                + " existing networks listed (case does not matter)", example = "L2", allowableValues = {"L2", "L3"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String type,
        @Schema(description = "One entry per site, this site included. L3: every entry names its network. L2: only"
                + " this site's entry names a network (the one to extend); the other sites get a copy of it. Give"
                + " either `resources` or `subresources`.",
                example = "[{\"region\": \"RegionOne\", \"network\": \"3b8360e6-e29a-4063-a8bc-7bbd0785d08b\"},"
                        + " {\"region\": \"RegionTwo\"}, {\"region\": \"RegionThree\"}]")
        List<ResourceBody> resources,
        @Schema(description = "The Python prototype's form of `resources`: `\"<region>,<network id>\"` or"
                + " `\"<region>\"`", example = "[\"RegionOne,3b8360e6-e29a-4063-a8bc-7bbd0785d08b\", \"RegionTwo\"]")
        List<String> subresources,
        @Schema(description = "Admins only: the project the service is for (default: the token's project)",
                example = "project-a")
        String projectId) {

    /** The new service, in the caller's project or, for an admin, the one the body names. */
    public NewService toDomain(Caller caller) {
        String project = caller.projectFor(java.util.Optional.ofNullable(projectId).filter(p -> !p.isBlank()));
        return new NewService(name, type == null ? null : ServiceType.parse(type), project,
                ResourceLists.parse(resources, subresources));
    }
}
