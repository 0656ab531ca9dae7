package org.diminet.dataplane.linux;

import java.util.List;

/**
 * One path of an EVPN route in bgpd's table ({@code show bgp l2vpn evpn route json}).
 *
 * @param rd           the route distinguisher it was originated with
 * @param type         2 (MAC/IP advertisement), 3 (inclusive multicast: a VTEP floods the VNI) or 5 (IP prefix)
 * @param prefix       FRR's text for the route, e.g. {@code [2]:[0]:[48]:[ba:4c:4d:8d:d4:93]}
 * @param mac          for type 2, the MAC address; else empty
 * @param ip           the IP address in the route (type 2 with IP, type 3 originator), or empty
 * @param nextHop      the VTEP to send to
 * @param routeTargets route targets carried by the route
 * @param local        whether this site originated it
 * @param best         whether it is the best path
 */
public record EvpnRoute(String rd, int type, String prefix, String mac, String ip, String nextHop,
                        List<RouteTarget> routeTargets, boolean local, boolean best) {
    public EvpnRoute {
        routeTargets = List.copyOf(routeTargets);
    }
}
