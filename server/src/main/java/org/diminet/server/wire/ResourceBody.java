package org.diminet.server.wire;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Optional;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.error.InvalidRequestException;

/** One resource in a request or response: a region and, where known, the network there. */
@Schema(description = "One site of a service: its region and the service's network there")
public record ResourceBody(@Schema(description = "The site's region", example = "RegionOne",
                                   requiredMode = Schema.RequiredMode.REQUIRED)
                           String region,
                           @Schema(description = "The network's id at that site; null (or absent in a request) for a"
                                   + " site an L2 extension is to reach, until DIMINET has created its network there",
                                   example = "3b8360e6-e29a-4063-a8bc-7bbd0785d08b", types = {"string", "null"})
                           String network) {

    public static ResourceBody of(Resource resource) {
        return new ResourceBody(resource.region().name(), resource.network().map(NetworkId::value).orElse(null));
    }

    /** Converts to the domain, naming the offending field as {@code <path>.region} or {@code <path>.network}. */
    public Resource toDomain(String path) {
        Region parsedRegion;
        try {
            parsedRegion = new Region(region);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(path + ".region", e.getMessage());
        }
        if (network == null || network.isBlank()) {
            return new Resource(parsedRegion, Optional.empty());
        }
        try {
            return Resource.of(parsedRegion, new NetworkId(network.trim()));
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(path + ".network", e.getMessage());
        }
    }

    /** Parses the prototype's {@code "RegionOne,<uuid>"} or {@code "RegionTwo"}. */
    public static ResourceBody fromLegacy(String text) {
        if (text == null) {
            return new ResourceBody(null, null);
        }
        int comma = text.indexOf(',');
        return comma < 0 ? new ResourceBody(text.trim(), null)
                : new ResourceBody(text.substring(0, comma).trim(), text.substring(comma + 1).trim());
    }
}
