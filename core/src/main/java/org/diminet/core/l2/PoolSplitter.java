package org.diminet.core.l2;

import java.math.BigInteger;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.PoolLedger;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.ConflictException;

/**
 * Decides how many addresses each site's pool gets. Each site starts with a mid-size pool: the free
 * addresses divided by twice the number of sites, so at least half stay in the master's ledger for
 * sites that run short or join later (paper IV-E), and never more than {@link #MAX_POOL} so that a
 * huge IPv6 subnet is not handed out in a few enormous pools.
 */
public final class PoolSplitter {
    public static final BigInteger MAX_POOL = BigInteger.valueOf(65_536);

    private PoolSplitter() {
    }

    /**
     * @throws ConflictException {@code cidr-too-small} when there are fewer free addresses than sites
     */
    public static BigInteger poolSize(Cidr cidr, BigInteger freeAddresses, int sites) {
        BigInteger siteCount = BigInteger.valueOf(sites);
        if (freeAddresses.compareTo(siteCount) < 0) {
            throw new ConflictException("cidr-too-small", "CIDR " + cidr + " has " + freeAddresses
                    + " free address(es) once the network, broadcast and gateway addresses and those in use are set"
                    + " aside; extending it to " + sites + " sites needs at least " + sites);
        }
        BigInteger share = freeAddresses.divide(siteCount.shiftLeft(1));
        return share.max(BigInteger.ONE).min(MAX_POOL);
    }

    /**
     * The size of a further pool: as large as the largest pool handed out so far (the initial split
     * gives every site the same size), or half the free space (capped) if none was handed out yet.
     */
    public static BigInteger nextPoolSize(PoolLedger ledger, Region requester) {
        if (ledger.largestPool().signum() > 0) {
            return ledger.largestPool().min(MAX_POOL);
        }
        return ledger.freeCount().shiftRight(1).max(BigInteger.ONE).min(MAX_POOL);
    }
}
