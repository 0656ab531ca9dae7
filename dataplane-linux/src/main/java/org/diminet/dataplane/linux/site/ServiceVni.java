package org.diminet.dataplane.linux.site;

import org.diminet.core.domain.GlobalId;

/**
 * The VXLAN network identifier of a service: 24 bits of its global id, which the master chose, so every
 * site of the service derives the same one without another message. Two services that meet at one site
 * with the same VNI (about one chance in 16 million per pair) are refused there (see {@link LinuxDataPlane}).
 */
public final class ServiceVni {
    private ServiceVni() {
    }

    public static long of(GlobalId service) {
        long bits = java.util.UUID.fromString(service.toString()).getMostSignificantBits() >>> 40;
        long vni = bits & 0xFFFFFFL;
        return vni == 0 ? 1 : vni;
    }
}
