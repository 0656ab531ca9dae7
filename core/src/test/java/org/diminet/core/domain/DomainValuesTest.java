package org.diminet.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.diminet.core.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainValuesTest {

    private static void assertInvalid(Runnable action, String field, String messagePart) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problemType()).isEqualTo("invalid-request");
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }

    // --- Cidr ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "10.0.0.5/24, 10.0.0.0/24",
        "10.0.0.0/24, 10.0.0.0/24",
        "' 192.168.7.200/30 ', 192.168.7.200/30",
        "192.168.7.203/30, 192.168.7.200/30",
        "10.1.3.9/23, 10.1.2.0/23",
        "10.0.0.0/255.255.255.0, 10.0.0.0/24",
        "2001:DB8:0:0:0:0:0:5/64, 2001:db8::/64",
        "2001:db8::1/128, 2001:db8::1/128",
        "0.0.0.0/0, 0.0.0.0/0",
    })
    void cidrIsHeldInCanonicalForm(String input, String canonical) {
        Cidr cidr = Cidr.of(input);
        assertThat(cidr.value()).isEqualTo(canonical);
        assertThat(cidr.toString()).isEqualTo(canonical);
        assertThat(cidr).isEqualTo(Cidr.of(canonical));
    }

    @Test
    void cidrArithmetic() {
        Cidr cidr = Cidr.of("10.0.0.5/24");
        assertThat(cidr.ipVersion()).isEqualTo(4);
        assertThat(cidr.size()).isEqualTo(BigInteger.valueOf(256));
        assertThat(cidr.defaultGateway()).isEqualTo("10.0.0.1");
        assertThat(cidr.contains("10.0.0.255")).isTrue();
        assertThat(cidr.contains("10.0.1.0")).isFalse();
        assertThat(cidr.contains("garbage")).isFalse();

        Cidr v6 = Cidr.of("2001:db8::/120");
        assertThat(v6.ipVersion()).isEqualTo(6);
        assertThat(v6.size()).isEqualTo(BigInteger.valueOf(256));
        assertThat(v6.defaultGateway()).isEqualTo("2001:db8::1");
        assertThat(v6.overlaps(Cidr.of("2001:db8::80/121"))).isTrue();
        assertThat(cidr.overlaps(v6)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "10.0.0.0/33", "10.0.0.256/24", "1.2.3.4/24/5", "10.0.0.0/-1", "::/129",
        "10.0.0.0/24x", "10.0.0.0/999999999999", "10.0.0.0/24\u0000", "\u000010.0.0.0/24", "10.0.0.0/0024"})
    void cidrRejectsGarbage(String text) {
        assertInvalid(() -> Cidr.of(text), "cidr", "is not a CIDR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5", "2001:db8::1", "", "  "})
    void cidrRejectsAMissingPrefixLength(String text) {
        assertInvalid(() -> Cidr.of(text), "cidr", "has no prefix length");
    }

    @Test
    void cidrRejectsNull() {
        assertInvalid(() -> Cidr.of(null), "cidr", "CIDR is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/24", "*", "/64"})
    void cidrRejectsAPrefixWithoutAnAddress(String text) {
        assertInvalid(() -> Cidr.of(text), "cidr", text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.*.0.0/16", "10.0-1.0.0/16", "2001:db8:*::/48"})
    void cidrRejectsWildcardsThatSpanSeveralNetworks(String text) {
        assertInvalid(() -> Cidr.of(text), "cidr", text);
    }

    @Test
    void cidrDoesNotTurnShorthandIntoAnotherNetwork() {
        Cidr cidr;
        try {
            cidr = Cidr.of("10/8");
        } catch (InvalidRequestException rejected) {
            assertThat(rejected.field()).isEqualTo("cidr");
            return;
        }
        assertThat(cidr.value()).isEqualTo("10.0.0.0/8");
    }

    // --- IpRange ------------------------------------------------------------------------------------

    @Test
    void ipRangeIsCanonicalAndInclusive() {
        IpRange range = new IpRange(" 10.0.0.2 ", "10.0.0.43");
        assertThat(range.start()).isEqualTo("10.0.0.2");
        assertThat(range.size()).isEqualTo(BigInteger.valueOf(42));
        assertThat(range.contains("10.0.0.43")).isTrue();
        assertThat(range.contains("10.0.0.44")).isFalse();
        assertThat(range.toString()).isEqualTo("10.0.0.2-10.0.0.43");
        assertThat(new IpRange("2001:DB8:0::A", "2001:db8::a"))
                .isEqualTo(new IpRange("2001:db8::a", "2001:db8::a"));
        assertThat(new IpRange("10.0.0.5", "10.0.0.5").size()).isEqualTo(BigInteger.ONE);
        assertThat(range.overlaps(new IpRange("10.0.0.43", "10.0.0.50"))).isTrue();
        assertThat(range.overlaps(new IpRange("10.0.0.44", "10.0.0.50"))).isFalse();
    }

    @Test
    void ipRangeRejectsStartAfterEnd() {
        assertInvalid(() -> new IpRange("10.0.0.10", "10.0.0.9"), "allocation_pools",
                "pool start 10.0.0.10 is after its end 10.0.0.9");
        assertInvalid(() -> new IpRange("2001:db8::10", "2001:db8::f"), "allocation_pools", "is after its end");
    }

    @Test
    void ipRangeRejectsMixedFamilies() {
        assertInvalid(() -> new IpRange("10.0.0.1", "2001:db8::1"), "allocation_pools", "mixes IPv4 and IPv6");
        assertInvalid(() -> new IpRange("2001:db8::1", "10.0.0.1"), "allocation_pools", "mixes IPv4 and IPv6");
    }

    @Test
    void ipRangeRejectsGarbage() {
        assertInvalid(() -> new IpRange("garbage", "10.0.0.1"), "allocation_pools",
                "pool start 'garbage' is not an IP address");
        assertInvalid(() -> new IpRange("10.0.0.1", null), "allocation_pools", "pool end 'null' is not an IP address");
        assertInvalid(() -> new IpRange("10.0.0.1", "10.0.0.300"), "allocation_pools", "is not an IP address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/24", "10.0.0.*", "10.0.0.5-9"})
    void ipRangeRejectsSubnetsAndWildcardsAsBounds(String notOneAddress) {
        assertInvalid(() -> new IpRange("10.0.0.1", notOneAddress), "allocation_pools", "is not an IP address");
        assertInvalid(() -> new IpRange(notOneAddress, "10.0.0.254"), "allocation_pools", "is not an IP address");
    }

    // --- Region -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"RegionOne", "a", "site-1.b_2", "0region"})
    void regionAcceptsOpenStackRegionNames(String name) {
        assertThat(Region.of(name).name()).isEqualTo(name);
        assertThat(Region.of(name).toString()).isEqualTo(name);
    }

    @Test
    void regionAcceptsSixtyFourCharactersButNotSixtyFive() {
        assertThat(Region.of("r".repeat(64)).name()).hasSize(64);
        assertInvalid(() -> Region.of("r".repeat(65)), "region", "is not a valid region name");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "-leading-dash", ".hidden", "Region One", "Région", "a/b", "RegionOne\n"})
    void regionRejectsBlankAndInvalidNames(String name) {
        assertInvalid(() -> Region.of(name), "region", "is not a valid region name");
    }

    @Test
    void regionsSortByName() {
        assertThat(Region.of("RegionOne").compareTo(Region.of("RegionTwo"))).isNegative();
        assertThat(Region.of("B").compareTo(Region.of("B"))).isZero();
    }

    // --- NetworkId and GlobalId ---------------------------------------------------------------------

    @Test
    void networkIdIsALowerCaseUuid() {
        assertThat(NetworkId.of("6E1B3A4C-2F1D-4C8B-9A6E-0123456789AB").value())
                .isEqualTo("6e1b3a4c-2f1d-4c8b-9a6e-0123456789ab");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "", "1234", "6e1b3a4c-2f1d-4c8b-9a6e-0123456789abcd",
        "6e1b3a4c2f1d4c8b9a6e0123456789ab", "net-1"})
    void networkIdRejectsNonUuids(String text) {
        assertInvalid(() -> NetworkId.of(text), "network", "is not a UUID");
    }

    @Test
    void networkIdRejectsNull() {
        assertInvalid(() -> NetworkId.of(null), "network", "network id is missing");
    }

    @Test
    void networkIdRejectsAbbreviatedUuids() {
        assertInvalid(() -> NetworkId.of("1-1-1-1-1"), "network", "is not a UUID");
    }

    @Test
    void globalIdRoundTrips() {
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(GlobalId.parse("123e4567-e89b-12d3-a456-426614174000")).isEqualTo(new GlobalId(uuid));
        assertThat(GlobalId.parse(uuid.toString()).toString()).isEqualTo(uuid.toString());
        assertThat(GlobalId.random()).isNotEqualTo(GlobalId.random());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "123e4567", "123e4567-e89b-12d3-a456-426614174000-00"})
    void globalIdParseRejectsGarbage(String text) {
        assertInvalid(() -> GlobalId.parse(text), "global_id", "global_id '" + text + "' is not a UUID");
    }

    // --- RouteTarget --------------------------------------------------------------------------------

    private static final GlobalId SERVICE = GlobalId.parse("123e4567-e89b-12d3-a456-426614174000");

    @Test
    void routeTargetIsDeterministicAndStableAcrossVersions() {
        RouteTarget first = RouteTarget.exportedBy(SERVICE, Region.of("RegionOne"));
        RouteTarget again = RouteTarget.exportedBy(GlobalId.parse(SERVICE.toString()), Region.of("RegionOne"));
        assertThat(again).isEqualTo(first);
        // Every site computes its peers' targets itself, so the derivation must never change.
        assertThat(first.value()).isEqualTo("64512:1010592655");
    }

    @Test
    void routeTargetsDifferBetweenRegionsAndServices() {
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < 20; s++) {
            GlobalId service = new GlobalId(new UUID(0x1234L, s));
            for (int r = 0; r < 10; r++) {
                RouteTarget target = RouteTarget.exportedBy(service, Region.of("Region" + r));
                assertThat(target.value()).matches("64512:\\d+");
                long number = Long.parseLong(target.value().substring("64512:".length()));
                assertThat(number).isBetween(1L, (1L << 31) - 1);
                assertThat(seen.add(target.value())).as("unique %s", target).isTrue();
            }
        }
        assertThat(RouteTarget.exportedBy(SERVICE, Region.of("RegionOne")))
                .isNotEqualTo(RouteTarget.exportedBy(SERVICE, Region.of("RegionTwo")));
        assertThat(RouteTarget.exportedBy(SERVICE, Region.of("RegionOne")))
                .isNotEqualTo(RouteTarget.exportedBy(GlobalId.parse("123e4567-e89b-12d3-a456-426614174001"),
                        Region.of("RegionOne")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"64512", "64512:", "asn:1", "64512:1:2", "12345678901:1"})
    void routeTargetRejectsMalformedValues(String value) {
        assertInvalid(() -> new RouteTarget(value), "route_target", "is not ASN:number");
    }
}
