package org.diminet.core.domain;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.diminet.core.domain.error.ConflictException;

/**
 * The master's record of an L2 extension's address space: which ranges each site owns and which are
 * still free. Immutable: every operation returns a new ledger, so a failed multi-site step can simply
 * drop the new value.
 *
 * <p>Invariants (checked by tests): every range lies inside the CIDR, none contains the network
 * address, the last address or the gateway, and no two ranges (free or assigned) overlap.
 *
 * <p>{@code largestPool} is the size of the largest single pool ever allocated; a site's adjacent
 * ranges are stored joined, so it cannot be read back from {@code assigned}.
 */
public record PoolLedger(Cidr cidr, String gatewayIp, List<IpRange> free, Map<Region, List<IpRange>> assigned,
                         BigInteger largestPool) {

    public PoolLedger {
        Objects.requireNonNull(cidr, "cidr");
        largestPool = largestPool == null ? BigInteger.ZERO : largestPool;
        free = List.copyOf(free);
        TreeMap<Region, List<IpRange>> copy = new TreeMap<>();
        assigned.forEach((region, ranges) -> copy.put(region, List.copyOf(ranges)));
        assigned = Collections.unmodifiableMap(copy);
    }

    /** A range taken from the ledger, and the ledger after taking it. */
    public record Allocation(PoolLedger ledger, IpRange range) {
    }

    /**
     * A fresh ledger where every usable address is free. Usable means inside the CIDR but not its
     * first address (IPv4 network address, IPv6 subnet-router anycast), not its last (IPv4 broadcast;
     * kept out in IPv6 too for symmetry) and not the gateway.
     */
    public static PoolLedger open(Cidr cidr, String gatewayIp) {
        IPAddressSeqRange all = cidr.block().toSequentialRange();
        List<IpRange> free = new ArrayList<>();
        if (all.getCount().compareTo(BigInteger.valueOf(3)) >= 0) {
            IPAddressSeqRange usable = all.getLower().increment(1).spanWithRange(all.getUpper().increment(-1));
            IPAddress gateway = gatewayIp == null ? null : address(gatewayIp);
            IPAddressSeqRange[] parts = gateway == null
                    ? new IPAddressSeqRange[] {usable}
                    : usable.subtract(gateway.toSequentialRange());
            for (IPAddressSeqRange part : parts) {
                free.add(IpRange.of(part));
            }
        }
        return new PoolLedger(cidr, gatewayIp, free, Map.of(), BigInteger.ZERO);
    }

    public BigInteger freeCount() {
        return count(free);
    }

    public List<IpRange> assignedTo(Region region) {
        return assigned.getOrDefault(region, List.of());
    }

    /**
     * Takes {@code size} addresses for {@code region}: the lowest free range that is big enough, or,
     * when none is, the largest free range whole (a smaller pool beats no pool).
     *
     * @throws ConflictException when no address is free
     */
    public Allocation allocate(Region region, BigInteger size) {
        if (free.isEmpty()) {
            throw new ConflictException("pool-exhausted",
                    "no free addresses left in " + cidr + " for " + region);
        }
        IPAddressSeqRange source = free.stream().map(IpRange::toSeqRange)
                .filter(r -> r.getCount().compareTo(size) >= 0)
                .findFirst()
                .orElseGet(() -> free.stream().map(IpRange::toSeqRange)
                        .max(Comparator.comparing(IPAddressSeqRange::getCount)).orElseThrow());
        IPAddressSeqRange taken = source.getCount().compareTo(size) <= 0
                ? source
                : source.getLower().spanWithRange(source.getLower().increment(size.longValueExact() - 1));
        PoolLedger after = removeFromFree(List.of(taken)).addAssigned(region, List.of(taken));
        after = new PoolLedger(cidr, gatewayIp, after.free, after.assigned, largestPool.max(taken.getCount()));
        return new Allocation(after, IpRange.of(taken));
    }

    /**
     * Records addresses a site already uses (ports that existed before the extension) so they are never
     * handed to another site. Addresses that are not free are left as they are.
     */
    public PoolLedger reserve(Region region, Collection<String> addresses) {
        List<IPAddressSeqRange> ranges = addresses.stream()
                .map(PoolLedger::address)
                .map(IPAddress::toSequentialRange)
                .filter(r -> free.stream().anyMatch(f -> f.toSeqRange().contains(r)))
                .toList();
        if (ranges.isEmpty()) {
            return this;
        }
        return removeFromFree(ranges).addAssigned(region, ranges);
    }

    /** Gives back everything {@code region} owned, e.g. when the site leaves the service. */
    public PoolLedger release(Region region) {
        List<IpRange> owned = assignedTo(region);
        if (owned.isEmpty()) {
            return this;
        }
        List<IPAddressSeqRange> merged = new ArrayList<>(free.stream().map(IpRange::toSeqRange).toList());
        owned.forEach(r -> merged.add(r.toSeqRange()));
        TreeMap<Region, List<IpRange>> newAssigned = new TreeMap<>(assigned);
        newAssigned.remove(region);
        return new PoolLedger(cidr, gatewayIp, joined(merged), newAssigned, largestPool);
    }

    private PoolLedger removeFromFree(List<IPAddressSeqRange> taken) {
        List<IPAddressSeqRange> remaining = free.stream().map(IpRange::toSeqRange).toList();
        for (IPAddressSeqRange t : taken) {
            List<IPAddressSeqRange> next = new ArrayList<>();
            for (IPAddressSeqRange r : remaining) {
                IPAddressSeqRange[] rest = r.subtract(t);
                if (rest != null) {
                    next.addAll(List.of(rest));
                }
            }
            remaining = next;
        }
        return new PoolLedger(cidr, gatewayIp, joined(remaining), assigned, largestPool);
    }

    private PoolLedger addAssigned(Region region, List<IPAddressSeqRange> ranges) {
        List<IPAddressSeqRange> owned = new ArrayList<>(assignedTo(region).stream().map(IpRange::toSeqRange).toList());
        owned.addAll(ranges);
        TreeMap<Region, List<IpRange>> newAssigned = new TreeMap<>(assigned);
        newAssigned.put(region, joined(owned));
        return new PoolLedger(cidr, gatewayIp, free, newAssigned, largestPool);
    }

    private static List<IpRange> joined(List<IPAddressSeqRange> ranges) {
        if (ranges.isEmpty()) {
            return List.of();
        }
        return List.of(IPAddressSeqRange.join(ranges.toArray(IPAddressSeqRange[]::new))).stream()
                .map(IpRange::of).toList();
    }

    private static BigInteger count(List<IpRange> ranges) {
        return ranges.stream().map(IpRange::size).reduce(BigInteger.ZERO, BigInteger::add);
    }

    private static IPAddress address(String text) {
        return new IPAddressString(text).getAddress().withoutPrefixLength();
    }
}
