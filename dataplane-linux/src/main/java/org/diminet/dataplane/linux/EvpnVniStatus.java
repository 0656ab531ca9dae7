package org.diminet.dataplane.linux;

import java.util.List;

/**
 * A VNI as zebra sees it ({@code show evpn vni json}): present when a VXLAN device for it exists in the
 * namespace and BGP advertises all VNIs.
 *
 * @param vni            the VNI
 * @param type           {@code L2} or {@code L3}
 * @param vxlanInterface the VXLAN device
 * @param macs           MAC addresses known in the VNI, local and remote
 * @param remoteVteps    the remote VTEPs the VNI floods to, learnt from EVPN type-3 routes
 */
public record EvpnVniStatus(long vni, String type, String vxlanInterface, int macs, List<String> remoteVteps) {
    public EvpnVniStatus {
        remoteVteps = List.copyOf(remoteVteps);
    }
}
