package org.diminet.dataplane.linux;

/**
 * A VXLAN device as the kernel reports it.
 *
 * @param name          the device name
 * @param vni           its VXLAN network identifier
 * @param local         its source (local VTEP) address
 * @param dstPort       its UDP port
 * @param learning      whether the device learns remote VTEPs from received packets (we want {@code false})
 * @param bridge        the bridge it is enslaved to, or empty
 * @param portLearning  whether that bridge port learns MAC addresses (we want {@code false}: EVPN installs them)
 * @param neighSuppress whether ARP/ND suppression is on for that port (we want {@code false})
 * @param up            whether it is set up
 * @param alias         its alias: the service that owns it, or empty
 */
public record VxlanInfo(String name, long vni, String local, int dstPort, boolean learning, String bridge,
                        boolean portLearning, boolean neighSuppress, boolean up, String alias) {
}
