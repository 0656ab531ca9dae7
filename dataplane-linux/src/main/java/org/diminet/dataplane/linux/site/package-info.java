/**
 * The {@code linux} data-plane driver of a DIMINET site with the embedded VIM: the site's namespace on
 * the WAN underlay with its FRR (BGP EVPN to the other sites), a bridge per network and a machine per
 * port that the VIM holds; per L2 extension a VXLAN device and an EVPN VNI, and per L3 service a router
 * namespace with its own FRR routing the local subnet over the service's L3 VNI ({@link
 * org.diminet.dataplane.linux.site.L3Routers}), both with the route targets DIMINET derives (export its own,
 * import the others'), as networking-bgpvpn does beside Neutron.
 */
package org.diminet.dataplane.linux.site;
