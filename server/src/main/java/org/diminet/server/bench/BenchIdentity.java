package org.diminet.server.bench;

import java.util.List;
import java.util.Map;

/**
 * Who the sites of a cluster trust and how the benchmark authenticates: given by the launcher (the
 * embedded identity's shared signing key and users; beside the lab, Keystone).
 */
public interface BenchIdentity {

    /** The {@code diminet.auth.*} settings every site gets (empty beside Keystone, where the lab's settings say it all). */
    Map<String, String> siteSettings();

    /** A token of an admin, for the North and Neutron APIs of every site. */
    String adminToken();

    /** Makes the identity of a group of sites, for their region names. */
    interface Factory {
        BenchIdentity forRegions(List<String> regions);
    }
}
