package org.diminet.core.domain;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import org.diminet.core.domain.error.InvalidRequestException;

/** An inclusive range of addresses, as in a Neutron allocation pool ({@code start}–{@code end}). */
public record IpRange(String start, String end) {
    public IpRange {
        IPAddress s = parse("start", start);
        IPAddress e = parse("end", end);
        if (s.getIPVersion() != e.getIPVersion()) {
            throw new InvalidRequestException("allocation_pools", "pool " + start + "-" + end + " mixes IPv4 and IPv6");
        }
        if (s.compareTo(e) > 0) {
            throw new InvalidRequestException("allocation_pools", "pool start " + start + " is after its end " + end);
        }
        start = s.toCanonicalString();
        end = e.toCanonicalString();
    }

    public static IpRange of(IPAddressSeqRange range) {
        return new IpRange(range.getLower().withoutPrefixLength().toCanonicalString(),
                range.getUpper().withoutPrefixLength().toCanonicalString());
    }

    private static IPAddress parse(String field, String text) {
        IPAddress address = IpText.parse(text).orElse(null);
        if (address == null || address.isPrefixed() || address.isMultiple()) {
            throw new InvalidRequestException("allocation_pools", "pool " + field + " '" + text + "' is not an IP address");
        }
        return address.withoutPrefixLength();
    }

    public IPAddressSeqRange toSeqRange() {
        return parse("start", start).spanWithRange(parse("end", end));
    }

    public BigInteger size() {
        return toSeqRange().getCount();
    }

    public boolean contains(String address) {
        IPAddress ip = new IPAddressString(address).getAddress();
        return ip != null && toSeqRange().contains(ip.withoutPrefixLength());
    }

    public boolean overlaps(IpRange other) {
        return toSeqRange().overlaps(other.toSeqRange());
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
