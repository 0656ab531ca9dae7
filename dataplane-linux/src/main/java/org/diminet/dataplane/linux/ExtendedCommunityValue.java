package org.diminet.dataplane.linux;

/** The {@code ASN:NN} / {@code IPv4:NN} syntax shared by route targets and route distinguishers. */
final class ExtendedCommunityValue {
    private ExtendedCommunityValue() {
    }

    static String check(String what, String value) {
        int colon = value == null ? -1 : value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException(what + " is ASN:NN or IPv4:NN: " + value);
        }
        String admin = value.substring(0, colon);
        long assigned = number(what, value, value.substring(colon + 1));
        if (Addresses.isIpv4(admin)) {
            if (assigned > 0xFFFF) {
                throw new IllegalArgumentException(what + " with an IPv4 address has NN up to 65535: " + value);
            }
        } else {
            long asn = number(what, value, admin);
            if (asn > 0xFFFF_FFFFL || (asn > 0xFFFF && assigned > 0xFFFF) || assigned > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException(what + " out of range: " + value);
            }
        }
        return value;
    }

    private static long number(String what, String value, String digits) {
        if (!digits.matches("\\d{1,10}")) {
            throw new IllegalArgumentException(what + " is ASN:NN or IPv4:NN: " + value);
        }
        return Long.parseLong(digits);
    }
}
