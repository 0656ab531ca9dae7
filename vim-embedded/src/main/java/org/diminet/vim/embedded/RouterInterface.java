package org.diminet.vim.embedded;

import java.util.List;

/**
 * What Neutron answers to {@code add_router_interface} and {@code remove_router_interface}: the interface port
 * and its subnets.
 *
 * @param routerId  the router ({@code id} in Neutron's answer)
 * @param project   the port's project ({@code tenant_id})
 * @param subnetId  the last subnet added, or the first one removed (Neutron's deprecated single value)
 * @param subnetIds every subnet the call concerned
 */
public record RouterInterface(String routerId, String project, String portId, String networkId, String subnetId,
                              List<String> subnetIds) {
    public RouterInterface {
        subnetIds = List.copyOf(subnetIds);
    }
}
