/**
 * The {@code linux} data-plane driver of a DIMINET site with the embedded VIM: the site's namespace on
 * the WAN underlay with its FRR (BGP EVPN to the other sites), a bridge per network and a machine per
 * port that the VIM holds, and per L2 extension a VXLAN device and an EVPN VNI with the route targets
 * DIMINET derives (export its own, import the others'), as networking-bgpvpn does beside Neutron.
 */
package org.diminet.dataplane.linux.site;
