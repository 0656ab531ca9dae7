package org.diminet.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Address arithmetic and waiting, for assertions. */
final class Addresses {
    private Addresses() {
    }

    static IPAddress ip(String text) {
        return new IPAddressString(text).getAddress().withoutPrefixLength();
    }

    static IPAddressSeqRange range(JsonNode pool) {
        return ip(pool.get("start").asText()).spanWithRange(ip(pool.get("end").asText()));
    }

    static List<IPAddressSeqRange> pools(JsonNode subnet) {
        List<IPAddressSeqRange> out = new ArrayList<>();
        subnet.get("allocation_pools").forEach(p -> out.add(range(p)));
        return out;
    }

    static boolean inside(String cidr, IPAddressSeqRange range) {
        return new IPAddressString(cidr).getAddress().toPrefixBlock().contains(range);
    }

    /** Polls until the condition holds (background work such as resource propagation), at most 10 s. */
    static void eventually(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.call())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within 10 s: " + what);
    }
}
