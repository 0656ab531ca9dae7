package org.diminet.server.bench;

/**
 * The least a create can take: one round trip to the farthest site plus that site's own sequential VIM
 * work (its VIM calls one after the other, each {@code vimLatency}). The master's own work, its journal
 * and the HTTP of the user's request are DIMINET's overhead above it.
 *
 * @param roundTripMillis   the measured round trip to the farthest site of the request (p50 of GET /api/region through its proxy)
 * @param vimCalls          the VIM calls a remote site makes one after the other to create its part ({@link #remoteVimCalls})
 * @param vimLatencyMillis  the injected latency of each VIM call
 */
public record Floor(double roundTripMillis, int vimCalls, double vimLatencyMillis) {

    public double millis() {
        return roundTripMillis + vimCalls * vimLatencyMillis;
    }

    /**
     * The VIM calls of a remote site's part, counted from the core's code path (EastWestHandler.createPart
     * → the strategy's createPart):
     * <ul>
     *   <li>L3 (L3RoutingStrategy.createPart → LocalNetworks.cidrsOf): findNetwork (does it exist, is it
     *       the project's?), subnetsOf: 2;</li>
     *   <li>L2 (L2ExtensionStrategy.createPart): networksNamed (a network left by a crash?), subnetsOverlapping (does
     *       the CIDR clash here?), createNetworkWithSubnet: 3.</li>
     * </ul>
     * The record-only data plane of the embedded sites makes no VIM call. Before the round the master
     * makes its own: L3 2 (reading its network), L2 4 (reading its network and ports, then shrinking its
     * pools in a wave of its own); they are not in the floor, which the issue defines by the farthest site.
     */
    public static int remoteVimCalls(String type) {
        return switch (type) {
            case "L3" -> 2;
            case "L2" -> 3;
            default -> throw new IllegalArgumentException("no service type " + type);
        };
    }

    /** The master's own VIM calls before the round (see {@link #remoteVimCalls}). */
    public static int masterVimCalls(String type) {
        return switch (type) {
            case "L3" -> 2;
            case "L2" -> 4;
            default -> throw new IllegalArgumentException("no service type " + type);
        };
    }
}
