package org.diminet.server.web.eastwest;

import java.util.List;
import org.diminet.core.domain.Cidr;

/** The CIDRs of one local network's subnets. */
public record NetworkCidrs(String region, String network, List<Cidr> cidrs) {
}
