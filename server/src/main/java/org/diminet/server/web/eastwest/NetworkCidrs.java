package org.diminet.server.web.eastwest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.diminet.core.domain.Cidr;

/** The CIDRs of one local network's subnets. */
@Schema(description = "The CIDRs of one of this site's networks")
public record NetworkCidrs(
        @Schema(description = "This site", example = "RegionTwo")
        String region,
        @Schema(description = "The network's id", example = "a41e9b52-3f4c-4e47-8b35-5f0c6a2d9e11")
        String network,
        @Schema(description = "The CIDRs of its subnets", example = "[\"10.2.0.0/24\"]")
        List<Cidr> cidrs) {
}
