/**
 * A Linux data plane for DIMINET's embedded mode: real packets between sites on one host, each site a
 * network namespace, machines (stand-ins for VMs) in namespaces of their own, an underlay "WAN" bridge
 * between the sites, VXLAN for layer-2 extension, and FRR (zebra + bgpd) per site speaking eBGP EVPN so
 * that route targets decide which sites' networks are joined.
 *
 * <p>Three layers:
 * <ul>
 *   <li>{@link org.diminet.dataplane.linux.CommandRunner} / {@link org.diminet.dataplane.linux.ProcessRunner}:
 *       runs {@code ip}, {@code bridge}, {@code vtysh} without a shell, with a time limit; a non-zero exit is
 *       a {@link org.diminet.dataplane.linux.CommandFailedException} naming the command and its error.</li>
 *   <li>{@link org.diminet.dataplane.linux.LinuxNetwork} (with {@link org.diminet.dataplane.linux.Namespaces}):
 *       idempotent primitives (namespaces, WAN, bridges, machines, VXLAN) and reads of the actual state,
 *       named by {@link org.diminet.dataplane.linux.Naming} under one prefix.</li>
 *   <li>{@link org.diminet.dataplane.linux.FrrInstance} (daemons of one site) and
 *       {@link org.diminet.dataplane.linux.BgpEvpn} (its BGP EVPN configuration and state).</li>
 * </ul>
 * Changes go through {@code ip -n NS -batch -} and {@code vtysh --vty_socket DIR}; reads through
 * {@code ip -j}, {@code bridge -j} and FRR's {@code json} output. The JVM never enters a namespace.
 * Everything needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN) and, for BGP, Debian's {@code frr} package.
 *
 * <p>Linux here has no VRF device, so layer 3 between sites (EVPN type-5 over an L3VNI, symmetric IRB)
 * is to be done with one router namespace per L3 service and site; it is not implemented yet.
 */
package org.diminet.dataplane.linux;
