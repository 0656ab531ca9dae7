package org.diminet.dataplane.linux;

import java.util.OptionalLong;

/**
 * An eBGP neighbor: another site's underlay address and, if known, its AS ({@code remote-as external}
 * otherwise: any AS other than ours).
 *
 * @param connectedCheck whether FRR may insist that the neighbor's address lies in one of our subnets
 *                       (eBGP's default); false for a neighbor on the same link reached through an on-link
 *                       route ({@code disable-connected-check}), as a router namespace reaches its site
 */
public record BgpNeighbor(String address, OptionalLong remoteAs, boolean connectedCheck) {
    public BgpNeighbor {
        Addresses.address("neighbor address", address);
        remoteAs.ifPresent(BgpRouter::checkAsn);
    }

    public BgpNeighbor(String address, OptionalLong remoteAs) {
        this(address, remoteAs, true);
    }

    public static BgpNeighbor external(String address) {
        return new BgpNeighbor(address, OptionalLong.empty());
    }

    public static BgpNeighbor of(String address, long remoteAs) {
        return new BgpNeighbor(address, OptionalLong.of(remoteAs));
    }

    /** The same neighbor without FRR's connected check. */
    public BgpNeighbor withoutConnectedCheck() {
        return new BgpNeighbor(address, remoteAs, false);
    }

    String remoteAsText() {
        return remoteAs.isPresent() ? Long.toString(remoteAs.getAsLong()) : "external";
    }
}
