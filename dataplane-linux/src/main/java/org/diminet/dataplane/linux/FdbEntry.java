package org.diminet.dataplane.linux;

import java.util.List;

/**
 * One forwarding database entry as {@code bridge -j fdb show} reports it.
 *
 * @param mac    the MAC address; {@code 00:00:00:00:00:00} is a VXLAN flood (BUM) entry
 * @param device the device the entry belongs to
 * @param dst    for a VXLAN device, the remote VTEP it sends to; else empty
 * @param master the bridge of the entry, or empty for the device's own entries ({@code self})
 * @param flags  e.g. {@code self}, {@code extern_learn} (installed by FRR's zebra from an EVPN route)
 * @param state  e.g. {@code permanent}, or empty for a learnt entry
 */
public record FdbEntry(String mac, String device, String dst, String master, List<String> flags, String state) {
    public FdbEntry {
        flags = List.copyOf(flags);
    }

    /** Whether the entry points to a remote VTEP. */
    public boolean remote() {
        return !dst.isEmpty();
    }

    /** Whether FRR installed it from an EVPN route. */
    public boolean fromEvpn() {
        return flags.contains("extern_learn");
    }
}
