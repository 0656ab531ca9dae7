package org.diminet.server.web.north;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.L2Params;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.peer.PartReply;
import org.diminet.core.service.ServiceStatus;

/**
 * Body of {@code GET /api/intersite-vertical/{id}/sites}: every site's part of a service as that site
 * describes it now (network, CIDRs, pools and how many of their addresses machines hold), or why it could
 * not be asked. For an L2 extension, each pool also says where it lies in the shared CIDR, as fractions
 * of the CIDR, so a client can draw the address space without doing address arithmetic.
 *
 * @param cidr L2: the CIDR every site shares; null for L3, whose sites each have their own
 */
public record SiteParts(String globalId, ServiceType type, String master, String cidr, List<SitePart> sites) {

    /**
     * One site's part.
     *
     * @param reachable false when the site did not answer (or not in time)
     * @param error     why the site's part could not be read (unreachable, or the site refused); the rest is then null
     * @param poolSize  L2: how many addresses the site's pools hold
     * @param portsUsed users' machines' ports on the site's network (the VIM's own not counted), for L2 those
     *                  holding an address of the site's pools; null where it is not known here: another
     *                  site reports it only for a network DIMINET created there (not the master's own, nor L3)
     */
    public record SitePart(String region, boolean master, boolean reachable, String error, String state,
                           String network, List<String> cidrs, List<Pool> pools, BigInteger poolSize,
                           Integer portsUsed) {

        /**
         * A part that could not be read. The master still knows from its ledger which addresses it gave that
         * site ({@code granted}), so the address space can be drawn whole; elsewhere nothing is known.
         */
        static SitePart failed(String region, boolean master, boolean reachable, String error, List<IpRange> granted,
                               Cidr shared) {
            return new SitePart(region, master, reachable, error, null, null, List.of(),
                    granted.stream().map(p -> pool(p, shared)).toList(), size(granted), null);
        }
    }

    /** An allocation pool, and where it lies in the shared CIDR ({@code from} to {@code to}, 0..1). */
    public record Pool(String start, String end, BigInteger size, Double from, Double to) {
    }

    /** The shared CIDR of an L2 extension, read from this site's own part; null for L3. */
    static Cidr sharedCidr(ServiceStatus status) {
        return status.service().params() instanceof L2Params l2 ? l2.cidr() : null;
    }

    /**
     * @param portsUsed the count this site made itself (its own part), or null to take the part's where it
     *                  means something
     */
    static SitePart of(PartReply part, boolean master, Cidr shared, Integer portsUsed) {
        List<Pool> pools = part.pools().stream().map(p -> pool(p, shared)).toList();
        BigInteger size = size(part.pools());
        return new SitePart(part.region().name(), master, true, null, part.state() == null ? null : part.state().name(),
                part.network().map(Object::toString).orElse(null), part.cidrs().stream().map(Cidr::value).toList(),
                pools, size, portsUsed != null ? portsUsed : shared != null && !master ? Integer.valueOf(part.userPorts()) : null);
    }

    /** What this site's ledger gave {@code region} (only a master has a ledger). */
    static List<IpRange> grantedTo(ServiceStatus status, org.diminet.core.domain.Region region) {
        return status.service().params() instanceof L2Params l2 && l2.ledger().isPresent()
                ? l2.ledger().get().assignedTo(region) : List.of();
    }

    private static BigInteger size(List<IpRange> pools) {
        return pools.isEmpty() ? null : pools.stream().map(IpRange::size).reduce(BigInteger.ZERO, BigInteger::add);
    }

    private static Pool pool(IpRange range, Cidr shared) {
        if (shared == null || !shared.contains(range.start())) {
            return new Pool(range.start(), range.end(), range.size(), null, null);
        }
        BigInteger base = shared.block().getLower().getValue();
        BigDecimal whole = new BigDecimal(shared.size());
        BigInteger offset = range.toSeqRange().getLower().getValue().subtract(base);
        double from = new BigDecimal(offset).divide(whole, MathContext.DECIMAL64).doubleValue();
        double to = new BigDecimal(offset.add(range.size())).divide(whole, MathContext.DECIMAL64).doubleValue();
        return new Pool(range.start(), range.end(), range.size(), from, to);
    }
}
