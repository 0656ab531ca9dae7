package org.diminet.vim.embedded;

/**
 * The {@code fixed_ips} entry of a port request: a subnet to allocate from, an exact address, or both.
 * Either field may be null, not both.
 */
public record FixedIpRequest(String subnetId, String ipAddress) {
    public FixedIpRequest {
        if (subnetId == null && ipAddress == null) {
            throw EmbeddedVimException.invalidInput("a fixed IP needs a subnet_id or an ip_address.");
        }
    }

    /** This exact address, on whichever subnet of the network contains it. */
    public static FixedIpRequest address(String ipAddress) {
        return new FixedIpRequest(null, ipAddress);
    }

    /** The lowest free address of this subnet's pools. */
    public static FixedIpRequest onSubnet(String subnetId) {
        return new FixedIpRequest(subnetId, null);
    }
}
