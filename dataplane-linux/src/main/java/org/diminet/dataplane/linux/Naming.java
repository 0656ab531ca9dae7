package org.diminet.dataplane.linux;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The names of everything this module creates. All of them start with one {@link #prefix() prefix}
 * (default {@code dmn-}), so a reconciler can list what exists, compare it with what is wanted and remove
 * the rest without touching anything it did not make.
 *
 * <p>Linux limits interface names to 15 characters, so names derived from long ids (UUIDs) carry a hash:
 * <table>
 *   <caption>Names, for prefix {@code p} of length {@code n} (1 to 6 characters)</caption>
 *   <tr><th>what</th><th>where</th><th>name</th></tr>
 *   <tr><td>namespace</td><td>host</td><td>{@code p} + caller's suffix (any length), see {@link #namespace}</td></tr>
 *   <tr><td>bridge of a network</td><td>site namespace</td><td>{@code p + "b" + hash(networkId)}</td></tr>
 *   <tr><td>VXLAN device of VNI v</td><td>site namespace</td><td>{@code p + "x" + v} (decimal)</td></tr>
 *   <tr><td>site side of a machine's veth</td><td>site namespace</td><td>{@code p + "m" + hash(machineNamespace)}</td></tr>
 *   <tr><td>machine side of its veth</td><td>machine namespace</td><td>{@code eth0}</td></tr>
 *   <tr><td>uplink into the WAN</td><td>site namespace</td><td>{@code p + "up"}</td></tr>
 *   <tr><td>WAN bridge</td><td>WAN namespace</td><td>{@code p + "wan"}</td></tr>
 *   <tr><td>WAN side of a site's uplink</td><td>WAN namespace</td><td>{@code p + "w" + hash(siteNamespace)}</td></tr>
 *   <tr><td>uplink of a router namespace into the WAN</td><td>router namespace</td><td>{@code p + "up"}; its WAN
 *       side is {@code p + "w" + hash(routerNamespace)}</td></tr>
 *   <tr><td>site side of a router's leg into a network's bridge</td><td>site namespace</td>
 *       <td>{@code p + "g" + hash(routerNamespace)}</td></tr>
 *   <tr><td>router side of that leg (holds the subnets' gateway addresses)</td><td>router namespace</td>
 *       <td>{@code p + "lan"}</td></tr>
 *   <tr><td>bridge of the L3 VNI (its MAC is the router MAC)</td><td>router namespace</td><td>{@code p + "l3"}</td></tr>
 *   <tr><td>VXLAN device of the L3 VNI v</td><td>router namespace</td><td>{@code p + "x" + v}</td></tr>
 * </table>
 * where {@code hash(x)} is the first {@code 14 - n} characters (8 to 13) of the lower-case base32
 * encoding of SHA-256 of {@code x} in UTF-8: every derived name is exactly 15 characters, and 8 base32
 * characters are 40 bits, so collisions among a site's few thousand devices are not a practical concern.
 * Because a hash cannot be reversed, bridges and machine ports also carry the id they were made for in
 * their interface alias ({@code ip link set … alias ID}), which {@link LinkInfo#alias()} reads back.
 */
public record Naming(String prefix) {

    /** The prefix used when none is configured. */
    public static final String DEFAULT_PREFIX = "dmn-";
    /** Linux's longest interface name ({@code IFNAMSIZ - 1}). */
    public static final int MAX_INTERFACE_NAME = 15;
    /** The longest prefix: it leaves room for a kind letter and an 8-digit VNI. */
    public static final int MAX_PREFIX = 6;

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_.-]{0," + (MAX_PREFIX - 1) + "}");
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    public Naming {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a name prefix has 1 to " + MAX_PREFIX
                    + " characters among [a-z0-9_.-] and starts with a letter or digit: " + prefix);
        }
    }

    public static Naming defaults() {
        return new Naming(DEFAULT_PREFIX);
    }

    /** A namespace name: the prefix followed by {@code suffix} (letters, digits, {@code _ . -}). */
    public String namespace(String suffix) {
        if (suffix == null || !SUFFIX.matcher(suffix).matches()) {
            throw new IllegalArgumentException("a namespace suffix has 1 to 200 characters among [A-Za-z0-9_.-]: "
                    + suffix);
        }
        return prefix + suffix;
    }

    /** Whether a name (of a namespace or an interface) is one of ours. */
    public boolean owns(String name) {
        return name != null && name.startsWith(prefix);
    }

    /** The bridge carrying network {@code networkId} in a site namespace. */
    public String bridge(String networkId) {
        return hashed('b', networkId);
    }

    /** The VXLAN device of {@code vni} in a site namespace. */
    public String vxlan(long vni) {
        Vni.check(vni);
        return prefix + "x" + vni;
    }

    /** The site-side end of the veth of the machine living in {@code machineNamespace}. */
    public String machinePort(String machineNamespace) {
        return hashed('m', machineNamespace);
    }

    /** The name of a machine's interface inside its own namespace. */
    public String machineInterface() {
        return "eth0";
    }

    /** A site namespace's uplink into the WAN. */
    public String uplink() {
        return prefix + "up";
    }

    /** The bridge in the WAN namespace. */
    public String wanBridge() {
        return prefix + "wan";
    }

    /** The WAN-side end of the uplink of {@code siteNamespace}. */
    public String wanPort(String siteNamespace) {
        return hashed('w', siteNamespace);
    }

    /**
     * The site-side end of the veth through which the router namespace {@code routerNamespace} joins a
     * network's bridge (the leg holding the subnet's gateway address).
     */
    public String gatewayPort(String routerNamespace) {
        return hashed('g', routerNamespace);
    }

    /** The router-side end of a router namespace's leg into its network's bridge. */
    public String routerLeg() {
        return prefix + "lan";
    }

    /** The bridge of the L3 VNI in a router namespace; its MAC is the router MAC that EVPN advertises. */
    public String l3Bridge() {
        return prefix + "l3";
    }

    private String hashed(char kind, String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("an id to derive a name from must not be empty");
        }
        int length = MAX_INTERFACE_NAME - prefix.length() - 1;
        return prefix + kind + hash(id, length);
    }

    static String hash(String id, int length) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        StringBuilder out = new StringBuilder(length);
        int buffer = 0;
        int bits = 0;
        for (byte b : digest) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && out.length() < length) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
            if (out.length() == length) {
                break;
            }
        }
        return out.toString();
    }
}
