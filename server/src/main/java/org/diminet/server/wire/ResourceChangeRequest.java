package org.diminet.server.wire;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.diminet.core.domain.Resource;

/** Body of {@code PUT /api/intersite-vertical/{id}}: the full desired resource list. */
@Schema(description = "The service's sites as they should be: the full list, not a difference")
public record ResourceChangeRequest(
        @Schema(description = "One entry per site after the change, the master included. Sites not listed leave; new"
                + " ones join (L3: naming their network; L2: region only). Give either `resources` or `subresources`.",
                example = "[{\"region\": \"RegionOne\", \"network\": \"3b8360e6-e29a-4063-a8bc-7bbd0785d08b\"},"
                        + " {\"region\": \"RegionThree\"}]")
        List<ResourceBody> resources,
        @Schema(description = "The Python prototype's form of `resources`: `\"<region>,<network id>\"` or"
                + " `\"<region>\"`", example = "[\"RegionOne,3b8360e6-e29a-4063-a8bc-7bbd0785d08b\", \"RegionThree\"]")
        List<String> subresources) {
    public List<Resource> toDomain() {
        return ResourceLists.parse(resources, subresources);
    }
}
