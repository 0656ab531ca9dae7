package org.diminet.core.l2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddressSeqRange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.PoolLedger;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The address split an L2 extension makes, driven only through the public API the strategy uses:
 * {@link PoolLedger#open}, {@link PoolSplitter#poolSize} and N successive {@link PoolLedger#allocate}.
 */
class PoolSplittingTest {

    private static final Region A = Region.of("RegionOne");
    private static final Region B = Region.of("RegionTwo");
    private static final Region C = Region.of("RegionThree");

    /** The outcome of an initial split. */
    private record Split(PoolLedger ledger, BigInteger size, Map<Region, IpRange> pools) {
    }

    private static List<Region> regions(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> Region.of("Site" + i)).toList();
    }

    private static Split split(Cidr cidr, String gateway, List<Region> sites) {
        PoolLedger ledger = PoolLedger.open(cidr, gateway);
        BigInteger size = PoolSplitter.poolSize(cidr, ledger.freeCount(), sites.size());
        Map<Region, IpRange> pools = new HashMap<>();
        for (Region site : sites) {
            PoolLedger.Allocation allocation = ledger.allocate(site, size);
            ledger = allocation.ledger();
            pools.put(site, allocation.range());
            LedgerInvariants.check(ledger, cidr, gateway);
        }
        return new Split(ledger, size, pools);
    }

    static Stream<Arguments> splits() {
        BigInteger v6Slash64Usable = BigInteger.TWO.pow(64).subtract(BigInteger.valueOf(3));
        return Stream.of(
                // cidr, gateway, sites, expected per-site size, expected usable addresses
                Arguments.of("10.0.0.0/30", "10.0.0.1", 1, 1, BigInteger.ONE),
                Arguments.of("10.0.0.0/29", "10.0.0.1", 2, 1, BigInteger.valueOf(5)),
                Arguments.of("10.0.0.0/29", "10.0.0.1", 3, 1, BigInteger.valueOf(5)),
                Arguments.of("10.0.0.0/24", "10.0.0.1", 2, 63, BigInteger.valueOf(253)),
                Arguments.of("10.0.0.0/24", "10.0.0.1", 3, 42, BigInteger.valueOf(253)),
                Arguments.of("10.0.0.0/24", "10.0.0.1", 6, 21, BigInteger.valueOf(253)),
                Arguments.of("10.0.0.0/24", "10.0.0.100", 3, 42, BigInteger.valueOf(253)),
                Arguments.of("10.0.0.0/24", "10.0.0.254", 3, 42, BigInteger.valueOf(253)),
                Arguments.of("10.0.0.0/24", null, 3, 42, BigInteger.valueOf(254)),
                Arguments.of("10.0.0.0/24", null, 6, 21, BigInteger.valueOf(254)),
                Arguments.of("172.16.0.0/16", "172.16.0.1", 3, 10_922, BigInteger.valueOf(65_533)),
                Arguments.of("2001:db8::/64", "2001:db8::1", 3, 65_536, v6Slash64Usable),
                Arguments.of("2001:db8::/64", null, 2, 65_536, v6Slash64Usable.add(BigInteger.ONE)),
                Arguments.of("2001:db8::/120", "2001:db8::1", 3, 42, BigInteger.valueOf(253)),
                Arguments.of("2001:db8::/120", "2001:db8::1", 6, 21, BigInteger.valueOf(253)));
    }

    @ParameterizedTest(name = "{0} gateway {1}, {2} sites -> {3} each")
    @MethodSource("splits")
    void splitGivesEverySiteAnEqualDisjointPoolInsideTheCidr(String cidrText, String gateway, int sites,
            long expectedSize, BigInteger expectedUsable) {
        Cidr cidr = Cidr.of(cidrText);
        PoolLedger opened = PoolLedger.open(cidr, gateway);
        assertThat(opened.freeCount()).isEqualTo(expectedUsable);
        assertThat(opened.assigned()).isEmpty();
        LedgerInvariants.check(opened, cidr, gateway);

        List<Region> siteList = regions(sites);
        Split split = split(cidr, gateway, siteList);

        assertThat(split.size()).isEqualTo(BigInteger.valueOf(expectedSize));
        assertThat(split.size()).isLessThanOrEqualTo(PoolSplitter.MAX_POOL);
        for (Region site : siteList) {
            assertThat(split.ledger().assignedTo(site)).as("pools of %s", site)
                    .containsExactly(split.pools().get(site));
            assertThat(split.pools().get(site).size()).as("pool size of %s", site).isEqualTo(split.size());
        }
        BigInteger handedOut = split.size().multiply(BigInteger.valueOf(sites));
        assertThat(LedgerInvariants.assignedCount(split.ledger())).isEqualTo(handedOut);
        assertThat(split.ledger().freeCount()).isEqualTo(expectedUsable.subtract(handedOut));
        if (split.size().compareTo(BigInteger.ONE) > 0) {
            assertThat(split.ledger().freeCount().shiftLeft(1))
                    .as("at least half of %s usable addresses stay free", expectedUsable)
                    .isGreaterThanOrEqualTo(expectedUsable);
        }
        assertThat(PoolSplitter.nextPoolSize(split.ledger(), siteList.get(0))).isEqualTo(split.size());
    }

    @Test
    void slash24WithThreeSitesHandsOutTheLowestAddressesInOrder() {
        Cidr cidr = Cidr.of("10.0.0.0/24");
        Split split = split(cidr, "10.0.0.1", List.of(A, B, C));

        assertThat(split.pools()).containsExactlyInAnyOrderEntriesOf(Map.of(
                A, new IpRange("10.0.0.2", "10.0.0.43"),
                B, new IpRange("10.0.0.44", "10.0.0.85"),
                C, new IpRange("10.0.0.86", "10.0.0.127")));
        assertThat(split.ledger().free()).containsExactly(new IpRange("10.0.0.128", "10.0.0.254"));
        assertThat(split.ledger().freeCount()).isEqualTo(BigInteger.valueOf(127));
    }

    @Test
    void gatewayInTheMiddleSplitsTheFreeSpaceAndIsNeverHandedOut() {
        Cidr cidr = Cidr.of("10.0.0.0/24");
        PoolLedger opened = PoolLedger.open(cidr, "10.0.0.100");
        assertThat(opened.free()).containsExactly(
                new IpRange("10.0.0.1", "10.0.0.99"), new IpRange("10.0.0.101", "10.0.0.254"));

        Split split = split(cidr, "10.0.0.100", List.of(A, B, C));

        // The third pool does not fit in .85-.99 (15 addresses), so it is taken after the gateway.
        assertThat(split.pools()).containsExactlyInAnyOrderEntriesOf(Map.of(
                A, new IpRange("10.0.0.1", "10.0.0.42"),
                B, new IpRange("10.0.0.43", "10.0.0.84"),
                C, new IpRange("10.0.0.101", "10.0.0.142")));
        assertThat(split.ledger().free()).containsExactly(
                new IpRange("10.0.0.85", "10.0.0.99"), new IpRange("10.0.0.143", "10.0.0.254"));
    }

    @Test
    void ipv6Slash120PoolsAreCanonicalAndContiguous() {
        Cidr cidr = Cidr.of("2001:DB8:0:0::/120");
        Split split = split(cidr, "2001:db8::1", List.of(A, B, C));

        assertThat(split.pools()).containsExactlyInAnyOrderEntriesOf(Map.of(
                A, new IpRange("2001:db8::2", "2001:db8::2b"),
                B, new IpRange("2001:db8::2c", "2001:db8::55"),
                C, new IpRange("2001:db8::56", "2001:db8::7f")));
        assertThat(split.ledger().free()).containsExactly(new IpRange("2001:db8::80", "2001:db8::fe"));
    }

    @Test
    void ipv6Slash64PoolsAreCappedAtMaxPool() {
        Cidr cidr = Cidr.of("2001:db8::/64");
        Split split = split(cidr, "2001:db8::1", List.of(A, B, C));

        assertThat(split.size()).isEqualTo(PoolSplitter.MAX_POOL);
        assertThat(split.pools().get(A)).isEqualTo(new IpRange("2001:db8::2", "2001:db8::1:1"));
        assertThat(split.pools().get(C).toSeqRange().getUpper())
                .isEqualTo(LedgerInvariants.ip("2001:db8::3:1"));
    }

    @Test
    void slash30HasOneUsableAddressForOneSite() {
        Cidr cidr = Cidr.of("10.0.0.0/30");
        Split split = split(cidr, "10.0.0.1", List.of(A));

        assertThat(split.pools().get(A)).isEqualTo(new IpRange("10.0.0.2", "10.0.0.2"));
        assertThat(split.ledger().free()).isEmpty();
    }

    @Test
    void slash30CannotBeSplitBetweenTwoSites() {
        Cidr cidr = Cidr.of("10.0.0.0/30");
        PoolLedger opened = PoolLedger.open(cidr, "10.0.0.1");

        assertThatThrownBy(() -> PoolSplitter.poolSize(cidr, opened.freeCount(), 2))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.problemType()).isEqualTo("cidr-too-small");
                    assertThat(e.getMessage()).contains("10.0.0.0/30", "has 1 free address", "to 2 sites",
                            "needs at least 2");
                });
    }

    @Test
    void slash31AndSlash32HaveNoUsableAddresses() {
        for (String text : List.of("10.0.0.0/31", "10.0.0.7/32")) {
            Cidr cidr = Cidr.of(text);
            PoolLedger opened = PoolLedger.open(cidr, null);
            assertThat(opened.free()).as(text).isEmpty();
            LedgerInvariants.check(opened, cidr, null);
            assertThatThrownBy(() -> PoolSplitter.poolSize(cidr, opened.freeCount(), 1))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.problemType()).isEqualTo("cidr-too-small"));
            assertThatThrownBy(() -> opened.allocate(A, BigInteger.ONE))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.problemType()).isEqualTo("pool-exhausted"));
        }
    }

    @Test
    void allocatingFromAnExhaustedLedgerIsAConflict() {
        Cidr cidr = Cidr.of("10.0.0.0/29");
        PoolLedger ledger = PoolLedger.open(cidr, "10.0.0.1");
        PoolLedger.Allocation all = ledger.allocate(A, BigInteger.valueOf(5));
        assertThat(all.range()).isEqualTo(new IpRange("10.0.0.2", "10.0.0.6"));
        assertThat(all.ledger().free()).isEmpty();
        LedgerInvariants.check(all.ledger(), cidr, "10.0.0.1");

        assertThatThrownBy(() -> all.ledger().allocate(B, BigInteger.ONE))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.problemType()).isEqualTo("pool-exhausted");
                    assertThat(e.getMessage()).contains("10.0.0.0/29", "RegionTwo");
                });
    }

    @Test
    void whenNoFreeRangeIsBigEnoughTheLargestIsTakenWhole() {
        Cidr cidr = Cidr.of("10.0.0.0/24");
        PoolLedger ledger = PoolLedger.open(cidr, "10.0.0.100");

        PoolLedger.Allocation allocation = ledger.allocate(A, BigInteger.valueOf(200));

        assertThat(allocation.range()).isEqualTo(new IpRange("10.0.0.101", "10.0.0.254"));
        assertThat(allocation.ledger().free()).containsExactly(new IpRange("10.0.0.1", "10.0.0.99"));
        LedgerInvariants.check(allocation.ledger(), cidr, "10.0.0.100");
    }

    @Test
    void releaseReturnsASitesAddressesAndMergesThemWithTheFreeSpace() {
        Cidr cidr = Cidr.of("10.0.0.0/24");
        Split split = split(cidr, "10.0.0.1", List.of(A, B, C));

        PoolLedger withoutC = split.ledger().release(C);
        LedgerInvariants.check(withoutC, cidr, "10.0.0.1");
        assertThat(withoutC.assigned()).containsOnlyKeys(A, B);
        assertThat(withoutC.free()).containsExactly(new IpRange("10.0.0.86", "10.0.0.254"));

        PoolLedger withoutA = withoutC.release(A);
        LedgerInvariants.check(withoutA, cidr, "10.0.0.1");
        assertThat(withoutA.free()).containsExactly(
                new IpRange("10.0.0.2", "10.0.0.43"), new IpRange("10.0.0.86", "10.0.0.254"));

        PoolLedger empty = withoutA.release(B);
        assertThat(empty.assigned()).isEmpty();
        assertThat(empty.free()).isEqualTo(PoolLedger.open(cidr, "10.0.0.1").free());
        assertThat(empty.assigned()).isEmpty();
    }

    @Test
    void releaseAroundAMidRangeGatewayRestoresTheFreshLedger() {
        Cidr cidr = Cidr.of("10.0.0.0/24");
        Split split = split(cidr, "10.0.0.100", regions(6));
        PoolLedger ledger = split.ledger();
        for (Region site : regions(6)) {
            ledger = ledger.release(site);
            LedgerInvariants.check(ledger, cidr, "10.0.0.100");
        }
        assertThat(ledger.free()).isEqualTo(PoolLedger.open(cidr, "10.0.0.100").free());
        assertThat(ledger.assigned()).isEmpty();
    }

    @Test
    void releasingARegionWithoutAddressesChangesNothing() {
        Split split = split(Cidr.of("10.0.0.0/24"), "10.0.0.1", List.of(A, B));
        assertThat(split.ledger().release(C)).isEqualTo(split.ledger());
    }

    @Test
    void reservedAddressesAreNeverHandedToAnotherSite() {
        Cidr cidr = Cidr.of("10.0.0.0/24");
        PoolLedger ledger = PoolLedger.open(cidr, "10.0.0.1")
                // .1 is the gateway and 10.0.1.5 lies outside: both are ignored.
                .reserve(A, List.of("10.0.0.2", "10.0.0.3", "10.0.0.50", "10.0.0.1", "10.0.1.5"));
        LedgerInvariants.check(ledger, cidr, "10.0.0.1");
        assertThat(ledger.assignedTo(A)).containsExactly(
                new IpRange("10.0.0.2", "10.0.0.3"), new IpRange("10.0.0.50", "10.0.0.50"));
        assertThat(ledger.freeCount()).isEqualTo(BigInteger.valueOf(250));

        BigInteger size = PoolSplitter.poolSize(cidr, ledger.freeCount(), 3);
        assertThat(size).isEqualTo(BigInteger.valueOf(41));
        for (Region site : List.of(B, C, Region.of("RegionFour"))) {
            PoolLedger.Allocation allocation = ledger.allocate(site, size);
            ledger = allocation.ledger();
            assertThat(allocation.range().size()).isEqualTo(size);
            for (String reserved : List.of("10.0.0.2", "10.0.0.3", "10.0.0.50")) {
                assertThat(allocation.range().contains(reserved))
                        .as("%s pool %s contains reserved %s", site, allocation.range(), reserved).isFalse();
            }
            LedgerInvariants.check(ledger, cidr, "10.0.0.1");
        }
        assertThat(ledger.assignedTo(B)).containsExactly(new IpRange("10.0.0.4", "10.0.0.44"));
        assertThat(ledger.assignedTo(C)).containsExactly(new IpRange("10.0.0.51", "10.0.0.91"));

        // An address another site already owns stays with that site.
        PoolLedger again = ledger.reserve(A, List.of("10.0.0.10"));
        assertThat(again).isEqualTo(ledger);
        assertThat(again.assignedTo(B)).containsExactly(new IpRange("10.0.0.4", "10.0.0.44"));
    }

    @Test
    void nextPoolSizeWithoutAnyPoolIsHalfTheFreeSpaceCapped() {
        assertThat(PoolSplitter.nextPoolSize(PoolLedger.open(Cidr.of("10.0.0.0/24"), "10.0.0.1"), A))
                .isEqualTo(BigInteger.valueOf(126));
        assertThat(PoolSplitter.nextPoolSize(PoolLedger.open(Cidr.of("10.0.0.0/30"), "10.0.0.1"), A))
                .isEqualTo(BigInteger.ONE);
        assertThat(PoolSplitter.nextPoolSize(PoolLedger.open(Cidr.of("2001:db8::/64"), null), A))
                .isEqualTo(PoolSplitter.MAX_POOL);
    }

    @Test
    void aFurtherPoolForASiteHasTheInitialSize() {
        Cidr cidr = Cidr.of("10.0.0.0/24");
        Split split = split(cidr, "10.0.0.1", List.of(A, B, C));
        BigInteger next = PoolSplitter.nextPoolSize(split.ledger(), B);
        assertThat(next).isEqualTo(BigInteger.valueOf(42));

        PoolLedger.Allocation more = split.ledger().allocate(B, next);
        assertThat(more.range()).isEqualTo(new IpRange("10.0.0.128", "10.0.0.169"));
        assertThat(more.ledger().assignedTo(B)).containsExactly(
                new IpRange("10.0.0.44", "10.0.0.85"), new IpRange("10.0.0.128", "10.0.0.169"));
        LedgerInvariants.check(more.ledger(), cidr, "10.0.0.1");
    }

    @Test
    void nextPoolSizeDoesNotGrowWhenASitesPoolsAreAdjacent() {
        Cidr cidr = Cidr.of("10.0.0.0/24");
        Split split = split(cidr, "10.0.0.1", List.of(A, B, C));
        PoolLedger ledger = split.ledger();

        // C holds the highest pool, so its further pools are adjacent to it.
        for (int round = 0; round < 2; round++) {
            BigInteger next = PoolSplitter.nextPoolSize(ledger, C);
            assertThat(next).as("round %s", round).isEqualTo(BigInteger.valueOf(42));
            ledger = ledger.allocate(C, next).ledger();
        }
        assertThat(PoolSplitter.nextPoolSize(ledger, A)).isEqualTo(BigInteger.valueOf(42));

        // Same effect through reservation: the master's in-use addresses right before its own pool.
        PoolLedger reserved = PoolLedger.open(cidr, "10.0.0.1").reserve(A, List.of("10.0.0.2", "10.0.0.3"));
        BigInteger size = PoolSplitter.poolSize(cidr, reserved.freeCount(), 3);
        for (Region site : List.of(A, B, C)) {
            reserved = reserved.allocate(site, size).ledger();
        }
        assertThat(PoolSplitter.nextPoolSize(reserved, B)).isEqualTo(size);
    }

    static Stream<Arguments> randomLedgers() {
        return Stream.of(
                Arguments.of("10.0.0.0/24", "10.0.0.1", 40, 20240601L),
                Arguments.of("10.0.0.0/24", "10.0.0.77", 40, 7L),
                Arguments.of("2001:db8::/112", "2001:db8::1", 12_000, 424242L));
    }

    @ParameterizedTest(name = "{0} gateway {1}")
    @MethodSource("randomLedgers")
    void randomAllocateAndReleaseKeepsTheInvariants(String cidrText, String gateway, int maxSize, long seed) {
        Cidr cidr = Cidr.of(cidrText);
        List<Region> sites = regions(5);
        Random random = new Random(seed);
        PoolLedger ledger = PoolLedger.open(cidr, gateway);
        int allocations = 0;
        int exhaustions = 0;
        int releases = 0;

        for (int step = 0; step < 500; step++) {
            Region site = sites.get(random.nextInt(sites.size()));
            String at = "step " + step + " (" + site + ")";
            if (random.nextInt(10) < 7) {
                BigInteger size = random.nextBoolean()
                        ? PoolSplitter.nextPoolSize(ledger, site)
                        : BigInteger.valueOf(1 + random.nextInt(maxSize));
                if (ledger.free().isEmpty()) {
                    PoolLedger exhausted = ledger;
                    assertThatThrownBy(() -> exhausted.allocate(site, size)).as(at)
                            .isInstanceOfSatisfying(ConflictException.class,
                                    e -> assertThat(e.problemType()).isEqualTo("pool-exhausted"));
                    exhaustions++;
                    continue;
                }
                PoolLedger before = ledger;
                PoolLedger.Allocation allocation = ledger.allocate(site, size);
                ledger = allocation.ledger();
                allocations++;
                assertAllocatedAsDocumented(before, allocation, site, size, at);
            } else {
                PoolLedger before = ledger;
                ledger = ledger.release(site);
                releases++;
                assertThat(ledger.assignedTo(site)).as(at).isEmpty();
                assertThat(ledger.freeCount()).as(at)
                        .isEqualTo(before.freeCount().add(LedgerInvariants.count(before.assignedTo(site))));
                for (Region other : sites) {
                    if (!other.equals(site)) {
                        assertThat(ledger.assignedTo(other)).as(at).isEqualTo(before.assignedTo(other));
                    }
                }
            }
            LedgerInvariants.check(ledger, cidr, gateway);
        }
        assertThat(allocations).isGreaterThan(100);
        assertThat(releases).isGreaterThan(50);
        if (cidrText.startsWith("10.")) {
            assertThat(exhaustions).as("the /24 runs dry at times").isPositive();
        }

        for (Region site : sites) {
            ledger = ledger.release(site);
        }
        assertThat(ledger.free()).isEqualTo(PoolLedger.open(cidr, gateway).free());
        assertThat(ledger.assigned()).isEmpty();
    }

    /** The lowest free range that fits, cut to size, or the largest free range whole. */
    private static void assertAllocatedAsDocumented(PoolLedger before, PoolLedger.Allocation allocation,
            Region site, BigInteger size, String at) {
        IPAddressSeqRange taken = allocation.range().toSeqRange();
        List<IPAddressSeqRange> free = before.free().stream().map(IpRange::toSeqRange)
                .sorted(Comparator.comparing(IPAddressSeqRange::getLower)).toList();
        IPAddressSeqRange fitting = free.stream().filter(r -> r.getCount().compareTo(size) >= 0)
                .findFirst().orElse(null);
        if (fitting != null) {
            assertThat(taken.getLower()).as(at + " starts the lowest fitting range").isEqualTo(fitting.getLower());
            assertThat(taken.getCount()).as(at + " size").isEqualTo(size);
        } else {
            BigInteger largest = free.stream().map(IPAddressSeqRange::getCount).max(Comparator.naturalOrder())
                    .orElseThrow();
            assertThat(taken.getCount()).as(at + " takes the largest range").isEqualTo(largest);
            assertThat(free).as(at + " takes a whole free range").contains(taken);
        }
        assertThat(allocation.ledger().assignedTo(site).stream().map(IpRange::toSeqRange))
                .as(at + " range recorded for the site").anyMatch(r -> r.contains(taken));
        assertThat(allocation.ledger().freeCount()).as(at)
                .isEqualTo(before.freeCount().subtract(taken.getCount()));
        List<IpRange> stillFree = new ArrayList<>(allocation.ledger().free());
        assertThat(stillFree.stream().map(IpRange::toSeqRange)).as(at).noneMatch(r -> r.overlaps(taken));
    }
}
