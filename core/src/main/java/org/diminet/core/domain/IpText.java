package org.diminet.core.domain;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an address or a CIDR that came from outside (a user, a peer, a VIM) without trusting the
 * parser with absurd input: the ipaddress library fails with an index error on a prefix length such
 * as {@code /999999999999}, so prefix lengths longer than three digits, and control characters, are
 * refused before it sees them, and anything else it throws means "not an address".
 */
public final class IpText {
    /** An address, then optionally a prefix length of at most three digits or a mask (255.255.255.0). */
    private static final Pattern SANE = Pattern.compile("[0-9A-Fa-f:.]+(/([0-9]{1,3}|[0-9A-Fa-f:.]*[.:][0-9A-Fa-f:.]*))?");

    private IpText() {
    }

    /** The address (with its prefix length if written), or empty when the text is not one. */
    public static Optional<IPAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > 64 || !SANE.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(new IPAddressString(trimmed).getAddress());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
