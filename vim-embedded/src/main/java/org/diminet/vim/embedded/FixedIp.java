package org.diminet.vim.embedded;

/** An address a port holds on one subnet (Neutron's {@code fixed_ips} entry). */
public record FixedIp(String subnetId, String ipAddress) {
}
