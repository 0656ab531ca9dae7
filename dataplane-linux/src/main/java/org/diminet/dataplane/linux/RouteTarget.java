package org.diminet.dataplane.linux;

/**
 * A BGP route target as FRR writes it: {@code ASN:NN} (e.g. {@code 64512:1234}) or {@code IPv4:NN}.
 * Routes are imported into a VNI when one of their route targets is among the VNI's imports.
 */
public record RouteTarget(String value) {
    public RouteTarget {
        value = ExtendedCommunityValue.check("route target", value);
    }

    public static RouteTarget of(String value) {
        return new RouteTarget(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
