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
@io.swagger.v3.oas.annotations.media.Schema(description = "Every site's part of a service as that site describes it now")
public record SiteParts(
        @io.swagger.v3.oas.annotations.media.Schema(description = "The service's id", example = "7f1c2a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b")
        String globalId,
        @io.swagger.v3.oas.annotations.media.Schema(description = "L2 or L3", example = "L2")
        ServiceType type,
        @io.swagger.v3.oas.annotations.media.Schema(description = "The master's region", example = "RegionOne")
        String master,
        @io.swagger.v3.oas.annotations.media.Schema(description = "L2: the CIDR every site shares; null for L3", example = "192.168.101.0/24",
                types = {"string", "null"})
        String cidr,
        @io.swagger.v3.oas.annotations.media.Schema(description = "One entry per site of the service", example = "[{\"region\": \"RegionTwo\", \"master\": false,"
                + " \"reachable\": true, \"error\": null, \"state\": \"ACTIVE\", \"network\": \"b965c405-bcd6-456b-a02f-3f7bc85391f7\","
                + " \"cidrs\": [\"192.168.101.0/24\"], \"pools\": [], \"pool_size\": 42, \"ports_used\": 1}]")
        List<SitePart> sites) {

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
    @io.swagger.v3.oas.annotations.media.Schema(description = "One site's part")
    public record SitePart(
            @io.swagger.v3.oas.annotations.media.Schema(description = "The site", example = "RegionTwo")
            String region,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Whether it is the service's master", example = "false")
            boolean master,
            @io.swagger.v3.oas.annotations.media.Schema(description = "False when the site did not answer in time", example = "true")
            boolean reachable,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Why the part could not be read; null when it was", example = "RegionTwo: no answer within 5000 ms",
                    types = {"string", "null"})
            String error,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The part's state at that site; null when it could not be read", example = "ACTIVE",
                    types = {"string", "null"})
            String state,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The service's network at that site", example = "b965c405-bcd6-456b-a02f-3f7bc85391f7",
                    types = {"string", "null"})
            String network,
            @io.swagger.v3.oas.annotations.media.Schema(description = "That network's CIDRs", example = "[\"192.168.101.0/24\"]")
            List<String> cidrs,
            @io.swagger.v3.oas.annotations.media.Schema(description = "L2: the site's allocation pools, placed in the shared CIDR", example = "[{\"start\":"
                    + " \"192.168.101.86\", \"end\": \"192.168.101.127\", \"size\": 42, \"from\": 0.336, \"to\": 0.5}]")
            List<Pool> pools,
            @io.swagger.v3.oas.annotations.media.Schema(description = "L2: how many addresses the site's pools hold", example = "42", types = {"integer", "null"})
            BigInteger poolSize,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Users' machines' ports on the network (L2: holding an address of the site's pools);"
                    + " null where not known here", example = "1", types = {"integer", "null"})
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
    @io.swagger.v3.oas.annotations.media.Schema(description = "An allocation pool and where it lies in the shared CIDR")
    public record Pool(
            @io.swagger.v3.oas.annotations.media.Schema(description = "First address", example = "192.168.101.86")
            String start,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Last address", example = "192.168.101.127")
            String end,
            @io.swagger.v3.oas.annotations.media.Schema(description = "How many addresses it holds", example = "42")
            BigInteger size,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Where it starts in the CIDR, as a fraction (0..1)", example = "0.336")
            Double from,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Where it ends in the CIDR, as a fraction (0..1)", example = "0.5")
            Double to) {
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
