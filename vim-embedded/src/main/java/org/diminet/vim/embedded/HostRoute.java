package org.diminet.vim.embedded;

import java.util.Objects;

/** A route a subnet hands to its hosts (Neutron's {@code host_routes} entry): a CIDR and the next hop. */
public record HostRoute(String destination, String nexthop) {
    public HostRoute {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(nexthop, "nexthop");
    }
}
