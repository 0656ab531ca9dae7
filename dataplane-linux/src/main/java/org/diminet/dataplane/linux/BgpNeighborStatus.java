package org.diminet.dataplane.linux;

import java.time.Duration;

/**
 * A BGP session as bgpd reports it ({@code show bgp l2vpn evpn summary json}).
 *
 * @param address          the neighbor's address
 * @param remoteAs         its AS, 0 while unknown
 * @param state            the BGP FSM state: {@code Idle}, {@code Connect}, {@code Active}, {@code OpenSent},
 *                         {@code OpenConfirm}, {@code Established}
 * @param uptime           how long it has been established, or since it went down
 * @param prefixesReceived EVPN routes received from it
 */
public record BgpNeighborStatus(String address, long remoteAs, String state, Duration uptime, long prefixesReceived) {
    public boolean established() {
        return "Established".equals(state);
    }
}
