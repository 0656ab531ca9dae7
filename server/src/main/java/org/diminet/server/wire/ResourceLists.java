package org.diminet.server.wire;

import java.util.ArrayList;
import java.util.List;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.error.InvalidRequestException;

/** Reads a resource list given either as {@code resources} or as the prototype's {@code subresources}. */
public final class ResourceLists {
    private ResourceLists() {
    }

    public static List<Resource> parse(List<ResourceBody> resources, List<String> subresources) {
        if (resources != null && subresources != null) {
            throw new InvalidRequestException("resources", "give either resources or subresources, not both");
        }
        List<Resource> parsed = new ArrayList<>();
        if (resources != null) {
            for (int i = 0; i < resources.size(); i++) {
                if (resources.get(i) == null) {
                    throw new InvalidRequestException("resources[" + i + "]", "resource is null");
                }
                parsed.add(resources.get(i).toDomain("resources[" + i + "]"));
            }
        } else if (subresources != null) {
            for (int i = 0; i < subresources.size(); i++) {
                parsed.add(ResourceBody.fromLegacy(subresources.get(i)).toDomain("subresources[" + i + "]"));
            }
        } else {
            throw new InvalidRequestException("resources", "resources is required");
        }
        return parsed;
    }
}
