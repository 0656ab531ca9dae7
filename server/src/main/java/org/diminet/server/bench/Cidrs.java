package org.diminet.server.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Distinct IPv4 /24s for the benchmark's networks, from 10.0.0.0/8 (65,536 of them, then again from the
 * start): no two networks alive at once share a CIDR, so an L3 service's sites never overlap and an L2
 * extension's CIDR is free at every site it reaches.
 */
public final class Cidrs {
    private final AtomicInteger next = new AtomicInteger();

    public String next() {
        int n = Math.floorMod(next.getAndIncrement(), 65_536);
        return "10." + (n >> 8) + "." + (n & 0xff) + ".0/24";
    }
}
