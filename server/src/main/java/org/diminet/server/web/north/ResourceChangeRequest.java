package org.diminet.server.web.north;

import java.util.List;
import org.diminet.core.domain.Resource;

/** Body of {@code PUT /api/intersite-vertical/{id}}: the full desired resource list. */
public record ResourceChangeRequest(List<ResourceBody> resources, List<String> subresources) {
    public List<Resource> toDomain() {
        return ResourceLists.parse(resources, subresources);
    }
}
