package org.diminet.core.domain;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import org.diminet.core.domain.error.InvalidRequestException;

/**
 * A subnet's CIDR, IPv4 or IPv6, held in canonical form (host bits zero). Arithmetic is delegated to
 * the ipaddress library.
 */
public record Cidr(String value) {
    public Cidr {
        value = parse(value).toCanonicalString();
    }

    public static Cidr of(String value) {
        return new Cidr(value);
    }

    private static IPAddress parse(String text) {
        if (text == null) {
            throw new InvalidRequestException("cidr", "CIDR is missing");
        }
        if (!text.isBlank() && IpText.parse(text).isEmpty()) {
            throw new InvalidRequestException("cidr", "'" + printable(text) + "' is not a CIDR (address/prefix)");
        }
        try {
            String trimmed = text.strip();
            IPAddressString parsed = new IPAddressString(trimmed);
            if (!parsed.isIPAddress()) {
                throw new InvalidRequestException("cidr", "'" + text + "' is not a CIDR (address/prefix)");
            }
            IPAddress address = parsed.toAddress();
            if (!address.isPrefixed()) {
                throw new InvalidRequestException("cidr", "'" + text + "' has no prefix length");
            }
            String host = trimmed.substring(0, trimmed.indexOf('/'));
            IPAddress hostPart = new IPAddressString(host).getAddress();
            if (host.isBlank() || hostPart == null || hostPart.isMultiple()) {
                throw new InvalidRequestException("cidr", "'" + text + "' is a wildcard or range, not one CIDR");
            }
            if (address.isIPv4() && host.chars().filter(c -> c == '.').count() != 3) {
                // inet_aton shorthand such as 10/8 means 0.0.0.10/8: almost certainly not what was meant.
                throw new InvalidRequestException("cidr", "'" + text + "' is not a dotted-quad IPv4 CIDR");
            }
            return address.toPrefixBlock();
        } catch (AddressStringException e) {
            throw new InvalidRequestException("cidr", "'" + text + "' is not a CIDR: " + e.getMessage());
        }
    }

    /** The text as it may be shown back: at most 64 characters, control characters as '?'. */
    private static String printable(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** The whole block as an address with prefix. */
    public IPAddress block() {
        return parse(value);
    }

    public boolean overlaps(Cidr other) {
        IPAddress a = block();
        IPAddress b = other.block();
        return a.getIPVersion() == b.getIPVersion() && a.overlaps(b);
    }

    public boolean contains(String address) {
        IPAddress ip = new IPAddressString(address).getAddress();
        return ip != null && block().contains(ip.withoutPrefixLength());
    }

    public int ipVersion() {
        return block().isIPv4() ? 4 : 6;
    }

    public BigInteger size() {
        return block().getCount();
    }

    /** The first host address, which OpenStack uses as the default gateway. */
    public String defaultGateway() {
        return block().getLower().withoutPrefixLength().increment(1).toCanonicalString();
    }

    @Override
    public String toString() {
        return value;
    }
}
