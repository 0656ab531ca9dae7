package org.diminet.server.web.eastwest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Whether an L2 extension of {@code cidr} could land at this site, and which local subnets stop it. */
@Schema(description = "Whether an L2 extension of a CIDR could land at this site")
public record CidrAvailability(
        @Schema(description = "This site", example = "RegionTwo")
        String region,
        @Schema(description = "The CIDR asked about, normalised", example = "192.168.101.0/24")
        String cidr,
        @Schema(description = "True when no local subnet overlaps it", example = "false")
        boolean free,
        @Schema(description = "The local subnets that overlap it: `<subnet id> (<cidr>) of network <network id>`",
                example = "[\"5e2a7c1d-0b3f-4a9e-8d6c-4f1b2a3c5d7e (192.168.101.0/25) of network"
                        + " a41e9b52-3f4c-4e47-8b35-5f0c6a2d9e11\"]")
        List<String> overlappingSubnets) {
}
