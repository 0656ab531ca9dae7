package org.diminet.dataplane.linux;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A site's BGP speaker for EVPN: its AS (one per site, e.g. 65000 + N), its router id (the site's underlay
 * address), its eBGP neighbors (the other sites) and timers. Applied by {@link BgpEvpn#configureRouter}.
 *
 * @param asn          the site's AS number
 * @param routerId     the router id, an IPv4 address; the underlay address by convention
 * @param neighbors    the other sites
 * @param keepalive    BGP keepalive interval
 * @param hold         BGP hold time: how long a silent neighbor is kept before its routes are withdrawn
 * @param connectRetry how soon a failed connection to a neighbor is tried again
 */
public record BgpRouter(long asn, String routerId, List<BgpNeighbor> neighbors, Duration keepalive,
                        Duration hold, Duration connectRetry) {

    /** Short timers: a lost site is noticed within 9 s, a returning one reconnects within 2 s. */
    public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(3);
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(9);
    public static final Duration DEFAULT_CONNECT_RETRY = Duration.ofSeconds(2);

    public BgpRouter {
        checkAsn(asn);
        Addresses.ipv4("router id", routerId);
        neighbors = List.copyOf(neighbors);
        Objects.requireNonNull(keepalive, "keepalive");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(connectRetry, "connectRetry");
        if (keepalive.toSeconds() < 1 || hold.toSeconds() < 3 || keepalive.toSeconds() * 3 > hold.toSeconds()
                || connectRetry.toSeconds() < 1) {
            throw new IllegalArgumentException("BGP timers: keepalive >= 1 s, hold >= 3 s and >= 3 keepalives, "
                    + "connect retry >= 1 s");
        }
        if (neighbors.stream().map(BgpNeighbor::address).distinct().count() != neighbors.size()) {
            throw new IllegalArgumentException("a neighbor is listed twice: " + neighbors);
        }
    }

    /** A router with {@link #DEFAULT_KEEPALIVE the default timers}. */
    public static BgpRouter ebgp(long asn, String routerId, List<BgpNeighbor> neighbors) {
        return new BgpRouter(asn, routerId, neighbors, DEFAULT_KEEPALIVE, DEFAULT_HOLD, DEFAULT_CONNECT_RETRY);
    }

    static long checkAsn(long asn) {
        if (asn < 1 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("an AS number is between 1 and 4294967295: " + asn);
        }
        return asn;
    }
}
