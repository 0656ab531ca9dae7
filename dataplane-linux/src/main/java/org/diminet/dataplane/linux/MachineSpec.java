package org.diminet.dataplane.linux;

import java.util.Objects;

/**
 * A "machine" (a stand-in for a VM): its own namespace with one interface {@code eth0}, whose other end is a
 * port of a bridge in a site namespace.
 *
 * @param namespace     the machine's namespace; starts with the naming prefix
 * @param siteNamespace the site namespace holding the bridge
 * @param bridge        the bridge device in the site namespace (see {@link Naming#bridge(String)})
 * @param cidr          the address of {@code eth0} with its prefix length, e.g. {@code 10.90.0.11/24}
 * @param gateway       the default gateway, or {@code null} for none
 * @param mac           the MAC address of {@code eth0}, or {@code null} to let the kernel choose
 * @param mtu           the MTU of both ends
 */
public record MachineSpec(String namespace, String siteNamespace, String bridge, String cidr, String gateway,
                          String mac, int mtu) {

    /** The MTU of a machine's interface unless told otherwise. */
    public static final int DEFAULT_MTU = 1500;

    public MachineSpec {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(siteNamespace, "siteNamespace");
        Addresses.interfaceName(bridge);
        Addresses.cidr("machine address", cidr);
        if (gateway != null) {
            Addresses.address("gateway", gateway);
        }
        if (mac != null) {
            Addresses.mac("machine MAC", mac);
        }
        if (mtu < 68 || mtu > 65535) {
            throw new IllegalArgumentException("MTU out of range: " + mtu);
        }
    }

    /** A machine with a kernel-chosen MAC and MTU {@value #DEFAULT_MTU}. */
    public static MachineSpec of(String namespace, String siteNamespace, String bridge, String cidr,
                                 String gateway) {
        return new MachineSpec(namespace, siteNamespace, bridge, cidr, gateway, null, DEFAULT_MTU);
    }

    /** The address of {@code eth0} without its prefix length. */
    public String address() {
        return cidr.substring(0, cidr.indexOf('/'));
    }
}
