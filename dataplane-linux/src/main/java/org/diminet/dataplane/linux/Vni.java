package org.diminet.dataplane.linux;

/** Checks of VXLAN network identifiers (24 bits, 0 reserved). */
final class Vni {
    static final long MAX = (1L << 24) - 1;

    private Vni() {
    }

    static long check(long vni) {
        if (vni < 1 || vni > MAX) {
            throw new IllegalArgumentException("a VNI is between 1 and " + MAX + ": " + vni);
        }
        return vni;
    }
}
