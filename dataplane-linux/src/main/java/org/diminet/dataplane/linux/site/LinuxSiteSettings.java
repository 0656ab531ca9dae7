package org.diminet.dataplane.linux.site;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.diminet.core.domain.Region;
import org.diminet.dataplane.linux.Naming;

/**
 * Where a site sits on the underlay and who its BGP neighbours are.
 *
 * @param underlayCidr this site's address on the WAN, with its prefix, e.g. {@code 10.255.0.1/24}
 * @param asn          this site's BGP AS (eBGP: one per site)
 * @param peers        every other site's underlay address, by region
 * @param frrDirectory where this site's FRR keeps its sockets, configuration and logs (short: Unix
 *                     socket paths are limited to ~100 characters; readable by the {@code frr} user)
 */
public record LinuxSiteSettings(Region region, String underlayCidr, long asn, Map<String, String> peers, Naming naming,
                                Path frrDirectory) {
    public LinuxSiteSettings {
        Objects.requireNonNull(region, "region");
        if (underlayCidr == null || !underlayCidr.matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+")) {
            throw new IllegalArgumentException("the underlay address is an IPv4 address with its prefix, e.g. 10.255.0.1/24: "
                    + underlayCidr);
        }
        peers = Map.copyOf(peers);
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(frrDirectory, "frrDirectory");
    }

    public String underlayAddress() {
        return underlayCidr.substring(0, underlayCidr.indexOf('/'));
    }

    public String siteNamespace() {
        return naming.namespace("site-" + region.name().toLowerCase(Locale.ROOT));
    }

    /** The WAN every site of the host joins (the same name at every site). */
    public String wanNamespace() {
        return naming.namespace("wan");
    }

    /** The namespace of the machine of a port: stable, so a restart finds it again. */
    public String machineNamespace(String portId) {
        return machinePrefix() + portId;
    }

    /** This site's machines (sites share the host: each removes only its own). */
    public String machinePrefix() {
        return naming.namespace("vm-" + region.name().toLowerCase(Locale.ROOT) + "-");
    }
}
