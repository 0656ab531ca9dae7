package org.diminet.server.web.eastwest;

import java.util.List;

/** Whether an L2 extension of {@code cidr} could land at this site, and which local subnets stop it. */
public record CidrAvailability(String region, String cidr, boolean free, List<String> overlappingSubnets) {
}
