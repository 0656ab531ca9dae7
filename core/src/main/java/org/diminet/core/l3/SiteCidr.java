package org.diminet.core.l3;

import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;

/** One subnet CIDR of a network at a site, as the overlap check sees it. */
public record SiteCidr(Region region, NetworkId network, Cidr cidr) {
}
