package org.diminet.vim.embedded;

import java.util.List;
import java.util.Optional;

/**
 * What a port update asks for; an empty value is left as it is. New {@code fixedIps} replace the port's
 * addresses as Neutron does: an entry naming an address the port holds keeps it, an entry naming only a
 * subnet keeps the port's address there, anything else is allocated, and addresses no entry claims are
 * released, except the EUI-64 ones of SLAAC subnets.
 */
public record PortChange(Optional<String> name, Optional<Boolean> adminStateUp, Optional<String> description,
                         Optional<String> deviceOwner, Optional<String> deviceId, Optional<String> macAddress,
                         Optional<List<FixedIpRequest>> fixedIps) {
    public PortChange {
        fixedIps = fixedIps.map(List::copyOf);
    }

    public static PortChange named(Optional<String> name) {
        return new PortChange(name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
