package org.diminet.vim.embedded;

import inet.ipaddr.IPAddress;

/**
 * Index keys of prefix blocks that sort by version, then first address, then prefix length, so that the
 * blocks starting inside a given block are one range of keys.
 */
final class CidrKeys {
    private CidrKeys() {
    }

    /** The key of a prefix block, e.g. {@code 4:0a000000/024} for 10.0.0.0/24. */
    static String of(IPAddress block) {
        return start(block) + "/" + String.format("%03d", block.getNetworkPrefixLength());
    }

    /** The smallest key of a block starting inside {@code block}. */
    static String lowest(IPAddress block) {
        return start(block) + "/";
    }

    /** The largest key of a block starting inside {@code block}. */
    static String highest(IPAddress block) {
        return prefix(block) + hex(block.getUpper().getValue(), block) + "/999";
    }

    private static String start(IPAddress block) {
        return prefix(block) + hex(block.getLower().getValue(), block);
    }

    private static String prefix(IPAddress block) {
        return block.isIPv4() ? "4:" : "6:";
    }

    private static String hex(java.math.BigInteger value, IPAddress block) {
        String digits = value.toString(16);
        int width = block.isIPv4() ? 8 : 32;
        return "0".repeat(width - digits.length()) + digits;
    }
}
