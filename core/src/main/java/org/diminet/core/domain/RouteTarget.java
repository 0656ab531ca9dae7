package org.diminet.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;
import org.diminet.core.domain.error.InvalidRequestException;

/**
 * A BGP VPN route target ({@code ASN:number}). Each site of a service exports its own target and
 * imports those of the other sites (paper IV-F).
 */
public record RouteTarget(String value) {
    /** The first private 2-byte ASN (RFC 6996); route targets are local to the operator's BGP fabric. */
    public static final int PRIVATE_ASN = 64512;
    private static final Pattern FORM = Pattern.compile("\\d{1,10}:\\d{1,10}");

    public RouteTarget {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidRequestException("route_target", "route target '" + value + "' is not ASN:number");
        }
    }

    /**
     * The target a site exports for a service. It is derived from the global id and the region, so
     * every site computes the same value without asking anyone; 31 bits of a SHA-256 make accidental
     * collisions between services negligible.
     */
    public static RouteTarget exportedBy(GlobalId service, Region region) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((service + "/" + region).getBytes(StandardCharsets.UTF_8));
            long number = ((digest[0] & 0x7fL) << 24) | ((digest[1] & 0xffL) << 16)
                    | ((digest[2] & 0xffL) << 8) | (digest[3] & 0xffL);
            return new RouteTarget(PRIVATE_ASN + ":" + Math.max(1, number));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
