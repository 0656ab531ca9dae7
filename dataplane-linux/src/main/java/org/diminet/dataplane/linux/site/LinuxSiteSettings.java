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
 * <p>The site's number {@code N} is the last octet of its underlay address (as the default AS
 * {@code 65000 + N}); it also numbers the site's block of router addresses: the routers of its L3 services
 * (see {@link L3Routers}) get {@code A.B.N.k} from {@code routerUnderlay} {@code A.B.0.0/16}, so the
 * last octet must differ between the sites of one WAN.
 *
 * @param underlayCidr   this site's address on the WAN, with its prefix, e.g. {@code 10.255.0.1/24}
 * @param asn            this site's BGP AS (eBGP: one per site)
 * @param peers          every other site's underlay address, by region
 * @param frrDirectory   where this site's FRR keeps its sockets, configuration and logs (short: Unix
 *                       socket paths are limited to ~100 characters; readable by the {@code frr} user); the
 *                       FRRs of its routers live in sub-directories {@code l3-<L3VNI>}
 * @param routerUnderlay the {@code /16} on the WAN bridge whose addresses the routers of L3 services use as
 *                       VTEPs, by default {@value #DEFAULT_ROUTER_UNDERLAY}; must not hold the sites' addresses
 */
public record LinuxSiteSettings(Region region, String underlayCidr, long asn, Map<String, String> peers, Naming naming,
                                Path frrDirectory, String routerUnderlay) {
    public static final String DEFAULT_ROUTER_UNDERLAY = "10.254.0.0/16";
    /** The routers' AS numbers: {@code ROUTER_ASN_BASE + 1000 * N + k} (4-byte private ASes, RFC 6996). */
    public static final long ROUTER_ASN_BASE = 4_200_000_000L;
    static final String ROUTER_DIRECTORY_PREFIX = "l3-";

    public LinuxSiteSettings {
        Objects.requireNonNull(region, "region");
        if (underlayCidr == null || !underlayCidr.matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+")) {
            throw new IllegalArgumentException("the underlay address is an IPv4 address with its prefix, e.g. 10.255.0.1/24: "
                    + underlayCidr);
        }
        peers = Map.copyOf(peers);
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(frrDirectory, "frrDirectory");
        if (routerUnderlay == null || !routerUnderlay.matches("\\d{1,3}\\.\\d{1,3}\\.0\\.0/16")) {
            throw new IllegalArgumentException("the router underlay is a /16 like " + DEFAULT_ROUTER_UNDERLAY + ": "
                    + routerUnderlay);
        }
        String routerBlock = routerUnderlay.substring(0, routerUnderlay.indexOf(".0.0/"));
        if (underlayCidr.startsWith(routerBlock + ".")) {
            throw new IllegalArgumentException("the router underlay " + routerUnderlay + " holds the site's address "
                    + underlayCidr + "; choose another block for one of them");
        }
        int n = Integer.parseInt(underlayCidr.substring(underlayCidr.lastIndexOf('.') + 1, underlayCidr.indexOf('/')));
        if (n < 1 || n > 254) {
            throw new IllegalArgumentException("the last octet of the underlay address numbers the site (1 to 254): "
                    + underlayCidr);
        }
    }

    /** With the {@value #DEFAULT_ROUTER_UNDERLAY} router underlay. */
    public LinuxSiteSettings(Region region, String underlayCidr, long asn, Map<String, String> peers, Naming naming,
                             Path frrDirectory) {
        this(region, underlayCidr, asn, peers, naming, frrDirectory, DEFAULT_ROUTER_UNDERLAY);
    }

    public String underlayAddress() {
        return underlayCidr.substring(0, underlayCidr.indexOf('/'));
    }

    /** The site's number: the last octet of its underlay address. */
    public int siteNumber() {
        String address = underlayAddress();
        return Integer.parseInt(address.substring(address.lastIndexOf('.') + 1));
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

    /** The router namespace of the L3 service with L3 VNI {@code vni} at this site. */
    public String routerNamespace(long vni) {
        return routerPrefix() + vni;
    }

    /** This site's router namespaces: this prefix followed by the L3 VNI in decimal. */
    public String routerPrefix() {
        return naming.namespace("rt-" + region.name().toLowerCase(Locale.ROOT) + "-");
    }

    /** Where the FRR of the router with L3 VNI {@code vni} keeps its files. */
    public Path routerFrrDirectory(long vni) {
        return frrDirectory.resolve(ROUTER_DIRECTORY_PREFIX + vni);
    }

    /** The prefix length of router addresses: all routers of the WAN are on-link to each other. */
    public int routerPrefixLength() {
        return 16;
    }

    /** This site's block of router addresses, {@code A.B.N.0/24}: its FRR accepts BGP sessions from there. */
    public String routerRange() {
        return routerBlock() + "." + siteNumber() + ".0/24";
    }

    /** The VTEP address of this site's router number {@code k} (1 to 254), {@code A.B.N.k}. */
    public String routerVtep(int k) {
        if (k < 1 || k > 254) {
            throw new IllegalArgumentException("a router number is between 1 and 254: " + k);
        }
        return routerBlock() + "." + siteNumber() + "." + k;
    }

    /** The router number of a VTEP address in this site's block, or 0 when it is not one. */
    public int routerNumber(String vtep) {
        String start = routerBlock() + "." + siteNumber() + ".";
        if (vtep == null || !vtep.startsWith(start) || !vtep.substring(start.length()).matches("\\d{1,3}")) {
            return 0;
        }
        int k = Integer.parseInt(vtep.substring(start.length()));
        return k >= 1 && k <= 254 ? k : 0;
    }

    /** The AS of this site's router number {@code k}: one per router, so no route is refused as a loop. */
    public long routerAsn(int k) {
        return ROUTER_ASN_BASE + 1000L * siteNumber() + k;
    }

    private String routerBlock() {
        return routerUnderlay.substring(0, routerUnderlay.indexOf(".0.0/"));
    }
}
