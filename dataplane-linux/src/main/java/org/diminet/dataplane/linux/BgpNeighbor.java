package org.diminet.dataplane.linux;

import java.util.OptionalLong;

/**
 * An eBGP neighbor: another site's underlay address and, if known, its AS ({@code remote-as external}
 * otherwise: any AS other than ours).
 */
public record BgpNeighbor(String address, OptionalLong remoteAs) {
    public BgpNeighbor {
        Addresses.address("neighbor address", address);
        remoteAs.ifPresent(BgpRouter::checkAsn);
    }

    public static BgpNeighbor external(String address) {
        return new BgpNeighbor(address, OptionalLong.empty());
    }

    public static BgpNeighbor of(String address, long remoteAs) {
        return new BgpNeighbor(address, OptionalLong.of(remoteAs));
    }

    String remoteAsText() {
        return remoteAs.isPresent() ? Long.toString(remoteAs.getAsLong()) : "external";
    }
}
