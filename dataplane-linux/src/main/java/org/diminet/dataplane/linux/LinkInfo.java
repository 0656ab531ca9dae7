package org.diminet.dataplane.linux;

import java.util.List;

/**
 * A network interface as {@code ip -j -d addr show} reports it.
 *
 * @param name      the interface name
 * @param kind      {@code bridge}, {@code veth}, {@code vxlan}, … or empty for devices without one ({@code lo})
 * @param alias     the interface alias; for bridges and machine ports the id they were made for, else empty
 * @param master    the bridge it is enslaved to, or empty
 * @param mtu       its MTU
 * @param adminUp   whether it is set up ({@code UP} flag)
 * @param operState the kernel's operational state: {@code UP}, {@code DOWN}, {@code UNKNOWN}, …
 * @param mac       its MAC address
 * @param addresses its global-scope addresses with prefix lengths, e.g. {@code 10.255.0.1/24}
 */
public record LinkInfo(String name, String kind, String alias, String master, int mtu, boolean adminUp,
                       String operState, String mac, List<String> addresses) {
    public LinkInfo {
        addresses = List.copyOf(addresses);
    }
}
