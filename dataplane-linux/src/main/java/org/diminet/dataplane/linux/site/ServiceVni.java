package org.diminet.dataplane.linux.site;

import java.util.UUID;
import org.diminet.core.domain.GlobalId;

/**
 * The VXLAN network identifiers of a service: 23 bits of its global id, which the master chose, so every
 * site of the service derives the same ones without another message. The 24th (high) bit tells the two
 * uses apart: clear for an L2 extension's VNI, set for an L3 service's L3 VNI, so an L3 VNI never equals
 * an L2 VNI. Two services that meet at one site with the same VNI (about one chance in 8 million per pair)
 * are refused there (see {@link LinuxDataPlane}). Attachments record their VNI, so those made when L2 VNIs
 * had 24 bits are still found.
 */
public final class ServiceVni {
    /** The bit that marks an L3 VNI. */
    public static final long L3_BIT = 1L << 23;

    private ServiceVni() {
    }

    /** The VNI of an L2 extension: 1 to 2^23 - 1. */
    public static long l2(GlobalId service) {
        long vni = bits(service);
        return vni == 0 ? 1 : vni;
    }

    /** The L3 VNI of an L3 service: 2^23 to 2^24 - 1. */
    public static long l3(GlobalId service) {
        return L3_BIT | bits(service);
    }

    private static long bits(GlobalId service) {
        return (UUID.fromString(service.toString()).getMostSignificantBits() >>> 40) & (L3_BIT - 1);
    }
}
