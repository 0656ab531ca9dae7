package org.diminet.vim.embedded;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A router's {@code external_gateway_info} as a client asks for it.
 *
 * @param enableSnat       empty for Neutron's default (true), or unchanged when the gateway stays on its network
 * @param externalFixedIps empty to let the site choose the gateway's address; at most one entry here
 */
public record GatewayRequest(String networkId, Optional<Boolean> enableSnat, List<FixedIpRequest> externalFixedIps) {
    public GatewayRequest {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(enableSnat, "enableSnat");
        externalFixedIps = List.copyOf(externalFixedIps);
    }
}
