package org.diminet.core.l2;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.PoolLedger;
import org.diminet.core.domain.Region;

/**
 * The invariants every {@link PoolLedger} must keep, checked independently of the ledger's own code
 * with the ipaddress library. Reusable by any test that builds or mutates a ledger.
 */
final class LedgerInvariants {
    private LedgerInvariants() {
    }

    /** A range with who holds it, for readable failure messages. */
    private record Owned(String owner, IPAddressSeqRange range) {
    }

    /**
     * Usable addresses of a CIDR: all but the first, the last and the gateway (when it lies between
     * them); none at all when the block has fewer than 3 addresses.
     */
    static BigInteger usableCount(Cidr cidr, String gateway) {
        IPAddressSeqRange all = cidr.block().toSequentialRange();
        if (all.getCount().compareTo(BigInteger.valueOf(3)) < 0) {
            return BigInteger.ZERO;
        }
        BigInteger usable = all.getCount().subtract(BigInteger.TWO);
        if (gateway != null) {
            IPAddress gw = ip(gateway);
            if (gw.compareTo(all.getLower()) > 0 && gw.compareTo(all.getUpper()) < 0) {
                usable = usable.subtract(BigInteger.ONE);
            }
        }
        return usable;
    }

    /** Checks every structural invariant of {@code ledger}, opened over {@code cidr} with {@code gateway}. */
    static void check(PoolLedger ledger, Cidr cidr, String gateway) {
        assertThat(ledger.cidr()).as("ledger CIDR").isEqualTo(cidr);
        assertThat(ledger.gatewayIp()).as("ledger gateway").isEqualTo(gateway);

        IPAddressSeqRange block = cidr.block().toSequentialRange();
        IPAddress network = block.getLower().withoutPrefixLength();
        IPAddress last = block.getUpper().withoutPrefixLength();
        IPAddress gw = gateway == null ? null : ip(gateway);

        List<Owned> all = new ArrayList<>();
        ledger.free().forEach(r -> all.add(new Owned("free", r.toSeqRange())));
        for (Map.Entry<Region, List<IpRange>> e : ledger.assigned().entrySet()) {
            assertThat(e.getValue()).as("regions without addresses are dropped: %s", e.getKey()).isNotEmpty();
            e.getValue().forEach(r -> all.add(new Owned(e.getKey().name(), r.toSeqRange())));
        }

        for (Owned o : all) {
            assertThat(block.contains(o.range()))
                    .as("%s range %s lies inside %s", o.owner(), o.range(), cidr).isTrue();
            assertThat(o.range().contains(network))
                    .as("%s range %s contains network address %s", o.owner(), o.range(), network).isFalse();
            assertThat(o.range().contains(last))
                    .as("%s range %s contains last address %s", o.owner(), o.range(), last).isFalse();
            if (gw != null) {
                assertThat(o.range().contains(gw))
                        .as("%s range %s contains gateway %s", o.owner(), o.range(), gw).isFalse();
            }
        }

        List<Owned> sorted = all.stream()
                .sorted(Comparator.comparing((Owned o) -> o.range().getLower())).toList();
        for (int i = 1; i < sorted.size(); i++) {
            Owned prev = sorted.get(i - 1);
            Owned next = sorted.get(i);
            assertThat(prev.range().getUpper().compareTo(next.range().getLower()))
                    .as("%s range %s and %s range %s are disjoint",
                            prev.owner(), prev.range(), next.owner(), next.range())
                    .isNegative();
        }

        BigInteger assigned = assignedCount(ledger);
        assertThat(assigned.add(ledger.freeCount()))
                .as("assigned + free == usable for %s (gateway %s)", cidr, gateway)
                .isEqualTo(usableCount(cidr, gateway));
    }

    static BigInteger assignedCount(PoolLedger ledger) {
        return ledger.assigned().values().stream().flatMap(List::stream)
                .map(IpRange::size).reduce(BigInteger.ZERO, BigInteger::add);
    }

    static BigInteger count(List<IpRange> ranges) {
        return ranges.stream().map(IpRange::size).reduce(BigInteger.ZERO, BigInteger::add);
    }

    static IPAddress ip(String text) {
        return new IPAddressString(text).getAddress().withoutPrefixLength();
    }
}
