package org.diminet.core.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * L2 extension at one site.
 *
 * @param cidr           the CIDR shared by every site of the service
 * @param gatewayIp      the gateway address, the same everywhere and never in a pool
 * @param localSubnetId  the VIM id of the subnet whose pools DIMINET manages here
 * @param localPools     the allocation pools this site may hand out
 * @param createdHere    true when DIMINET created the network here (remote sites); such a network is
 *                       deleted with the service, the master's own network never is
 * @param originalPools  master only: the subnet's pools before the extension, restored on delete
 * @param ledger         master only: which addresses belong to which site and which are still free
 */
public record L2Params(Cidr cidr, String gatewayIp, String localSubnetId, List<IpRange> localPools,
                       boolean createdHere, List<IpRange> originalPools, Optional<PoolLedger> ledger)
        implements ServiceParams {
    public L2Params {
        Objects.requireNonNull(cidr, "cidr");
        localPools = List.copyOf(localPools);
        originalPools = List.copyOf(originalPools);
        Objects.requireNonNull(ledger, "ledger");
    }

    public L2Params withLocalPools(List<IpRange> pools) {
        return new L2Params(cidr, gatewayIp, localSubnetId, pools, createdHere, originalPools, ledger);
    }

    public L2Params withLedger(PoolLedger newLedger) {
        return new L2Params(cidr, gatewayIp, localSubnetId, localPools, createdHere, originalPools,
                Optional.of(newLedger));
    }
}
