package org.diminet.vim.embedded;

import java.time.Instant;
import java.util.List;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;

/**
 * The JSON form of a site's {@link SiteState.Contents}. Plain strings throughout, so the file does not
 * depend on how core types serialise. Statuses are not saved: a network is always ACTIVE and a port DOWN.
 */
record Snapshot(String region, List<NetworkState> networks, List<SubnetState> subnets, List<PortState> ports) {

    record NetworkState(String id, String name, List<String> subnetIds, boolean adminStateUp,
                        String createdAt, String updatedAt) {
    }

    record SubnetState(String id, String name, String networkId, String cidr, String gatewayIp,
                       List<PoolState> allocationPools, boolean enableDhcp, String createdAt, String updatedAt) {
    }

    record PoolState(String start, String end) {
    }

    record PortState(String id, String name, String networkId, String deviceOwner, String deviceId,
                     String macAddress, List<FixedIpState> fixedIps, boolean adminStateUp,
                     String createdAt, String updatedAt) {
    }

    record FixedIpState(String subnetId, String ipAddress) {
    }

    static Snapshot of(String region, SiteState.Contents contents) {
        return new Snapshot(region,
                contents.networks().stream().map(n -> new NetworkState(n.id(), n.name(), n.subnetIds(),
                        n.adminStateUp(), n.createdAt().toString(), n.updatedAt().toString())).toList(),
                contents.subnets().stream().map(s -> new SubnetState(s.id(), s.name(), s.networkId(), s.cidr().value(),
                        s.gatewayIp(), s.allocationPools().stream().map(p -> new PoolState(p.start(), p.end())).toList(),
                        s.enableDhcp(), s.createdAt().toString(), s.updatedAt().toString())).toList(),
                contents.ports().stream().map(p -> new PortState(p.id(), p.name(), p.networkId(), p.deviceOwner(),
                        p.deviceId(), p.macAddress(),
                        p.fixedIps().stream().map(ip -> new FixedIpState(ip.subnetId(), ip.ipAddress())).toList(),
                        p.adminStateUp(), p.createdAt().toString(), p.updatedAt().toString())).toList());
    }

    SiteState.Contents contents() {
        return new SiteState.Contents(
                networks.stream().map(n -> new NetworkView(n.id(), n.name(), n.subnetIds(), n.adminStateUp(), "ACTIVE",
                        Instant.parse(n.createdAt()), Instant.parse(n.updatedAt()))).toList(),
                subnets.stream().map(Snapshot::subnetView).toList(),
                ports.stream().map(p -> new PortView(p.id(), p.name(), p.networkId(), p.deviceOwner(), p.deviceId(),
                        p.macAddress(), p.fixedIps().stream().map(ip -> new FixedIp(ip.subnetId(), ip.ipAddress())).toList(),
                        p.adminStateUp(), "DOWN", Instant.parse(p.createdAt()), Instant.parse(p.updatedAt()))).toList());
    }

    private static SubnetView subnetView(SubnetState s) {
        Cidr cidr = Cidr.of(s.cidr());
        return new SubnetView(s.id(), s.name(), s.networkId(), cidr.ipVersion(), cidr, s.gatewayIp(),
                s.allocationPools().stream().map(p -> new IpRange(p.start(), p.end())).toList(), s.enableDhcp(),
                Instant.parse(s.createdAt()), Instant.parse(s.updatedAt()));
    }
}
