package org.diminet.server.faults;

import java.time.Instant;

/**
 * One request whose head a {@link FaultProxy} has read, whatever happened to it afterwards (forwarded,
 * dropped, reset): what the tests count and wait for.
 *
 * @param sequence 1 for the first request the proxy saw, then 2, ...
 */
public record SeenRequest(long sequence, String method, String target, Instant at) {
    @Override
    public String toString() {
        return "#" + sequence + " " + method + " " + target;
    }
}
