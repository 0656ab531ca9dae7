package org.diminet.dataplane.linux;

/**
 * A BGP route distinguisher: {@code ASN:NN} or {@code IPv4:NN}, e.g. {@code 10.255.0.1:100} (router id and
 * VNI, unique per site and VNI).
 */
public record RouteDistinguisher(String value) {
    public RouteDistinguisher {
        value = ExtendedCommunityValue.check("route distinguisher", value);
    }

    public static RouteDistinguisher of(String value) {
        return new RouteDistinguisher(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
