package org.diminet.server.bench;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The OpenStack lab as the launcher reads it from lab/.state/env: its regions, the port each region's
 * DIMINET must listen on (Keystone's catalog names it), each site's settings beside Keystone and Neutron,
 * and an admin's credentials, with which the benchmark gets its token and does the raw Neutron work itself.
 */
public record LabAccess(List<String> regions, Map<String, Integer> ports,
                        Function<String, Map<String, String>> siteSettings, URI authUrl, String username,
                        String password, String project) {
    public LabAccess {
        regions = List.copyOf(regions);
        ports = Map.copyOf(ports);
    }
}
