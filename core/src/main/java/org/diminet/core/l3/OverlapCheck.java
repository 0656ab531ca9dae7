package org.diminet.core.l3;

import java.util.List;
import org.diminet.core.domain.error.ConflictException;

/** Refuses a set of site networks whose subnets would make routing between them ambiguous. */
public final class OverlapCheck {
    private OverlapCheck() {
    }

    /**
     * @throws ConflictException {@code cidr-overlap} naming both networks, their sites and CIDRs, for
     *         the first overlapping pair found
     */
    public static void requireDisjoint(List<SiteCidr> cidrs) {
        for (int i = 0; i < cidrs.size(); i++) {
            for (int j = i + 1; j < cidrs.size(); j++) {
                SiteCidr a = cidrs.get(i);
                SiteCidr b = cidrs.get(j);
                if (!a.region().equals(b.region()) && a.cidr().overlaps(b.cidr())) {
                    throw new ConflictException("cidr-overlap", "CIDR " + a.cidr() + " of network " + a.network()
                            + " at " + a.region() + " overlaps CIDR " + b.cidr() + " of network " + b.network()
                            + " at " + b.region() + "; L3 routing needs disjoint subnets");
                }
            }
        }
    }
}
