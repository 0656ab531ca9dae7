package org.diminet.dataplane.linux;

import java.util.regex.Pattern;

/**
 * Checks of the addresses, ids and other values that end up in {@code ip -batch} input or on
 * {@code vtysh} command lines: nothing may carry a space, a quote or a line break into them.
 */
final class Addresses {
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:@/+=-]{1,200}");

    private Addresses() {
    }

    static boolean isIpv4(String address) {
        return address != null && IPV4.matcher(address).matches();
    }

    /** An IPv4 or IPv6 address without a prefix length. */
    static String address(String what, String address) {
        if (address == null || !(IPV4.matcher(address).matches()
                || (address.contains(":") && IPV6.matcher(address).matches()))) {
            throw new IllegalArgumentException(what + " is not an IP address: " + address);
        }
        return address;
    }

    /** An address with its prefix length, e.g. {@code 10.90.0.11/24}. */
    static String cidr(String what, String cidr) {
        int slash = cidr == null ? -1 : cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException(what + " needs an address and a prefix length, e.g. 10.0.0.1/24: "
                    + cidr);
        }
        String address = address(what, cidr.substring(0, slash));
        int max = isIpv4(address) ? 32 : 128;
        int length;
        try {
            length = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0 || length > max) {
            throw new IllegalArgumentException(what + " has a bad prefix length: " + cidr);
        }
        return cidr;
    }

    static String ipv4(String what, String address) {
        if (!isIpv4(address)) {
            throw new IllegalArgumentException(what + " is not an IPv4 address: " + address);
        }
        return address;
    }

    static String mac(String what, String mac) {
        if (mac == null || !MAC.matcher(mac).matches()) {
            throw new IllegalArgumentException(what + " is not a lower-case MAC address: " + mac);
        }
        return mac;
    }

    /** An id kept in an interface alias. */
    static String id(String what, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " must have 1 to 200 characters among [A-Za-z0-9_.:@/+=-]: "
                    + id);
        }
        return id;
    }

    /** An interface or namespace name as Linux accepts it. */
    static String interfaceName(String name) {
        if (name == null || name.isEmpty() || name.length() > Naming.MAX_INTERFACE_NAME
                || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("not an interface name (1 to 15 of [A-Za-z0-9_.-]): " + name);
        }
        return name;
    }
}
