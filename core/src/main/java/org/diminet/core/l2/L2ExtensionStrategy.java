package org.diminet.core.l2;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.L2Params;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.PoolLedger;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.error.ConflictException;
import org.diminet.core.error.InvalidRequestException;
import org.diminet.core.peer.CreatePartRequest;
import org.diminet.core.peer.L2Instruction;
import org.diminet.core.peer.PartReply;
import org.diminet.core.peer.UpdatePartRequest;
import org.diminet.core.service.DataPlaneWiring;
import org.diminet.core.service.LocalNetworks;
import org.diminet.core.service.MasterSteps;
import org.diminet.core.service.NewService;
import org.diminet.core.service.ResourceChange;
import org.diminet.core.service.ServiceStrategy;
import org.diminet.core.service.SiteContext;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.VimNetwork;
import org.diminet.core.vim.VimSubnet;

/**
 * L2 extension, as the master runs it:
 * <ol>
 *   <li>read the local network's one subnet and the addresses its ports already hold;</li>
 *   <li>open a pool ledger over the CIDR and shrink the local subnet to the master's share first, so
 *       the local VIM cannot hand out an address that is about to go to another site;</li>
 *   <li>give every remote site a pool and send each, in parallel, one request to check that the
 *       CIDR is free there and create the network, its subnet with that pool, and its connection;</li>
 *   <li>if anything fails, every site drops its part and the local pools are restored.</li>
 * </ol>
 * Pools never overlap, lie inside the CIDR and exclude the network, broadcast and gateway addresses,
 * so no address is handed out twice across the service.
 */
public final class L2ExtensionStrategy implements ServiceStrategy {
    private static final System.Logger LOG = System.getLogger(L2ExtensionStrategy.class.getName());

    @Override
    public ServiceType type() {
        return ServiceType.L2;
    }

    @Override
    public void checkResources(List<Resource> resources, SiteContext site) {
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).region().equals(site.local()) && resources.get(i).network().isEmpty()) {
                throw new InvalidRequestException("resources[" + i + "].network",
                        "L2 extension: name the network to extend at this site (" + site.local() + ")");
            }
        }
    }

    @Override
    public InterSiteService create(SiteContext site, GlobalId id, NewService request) {
        for (int i = 0; i < request.resources().size(); i++) {
            Resource r = request.resources().get(i);
            if (!r.region().equals(site.local()) && r.network().isPresent()) {
                throw regionOnly("resources[" + i + "].network", r.region());
            }
        }
        NetworkId localNetwork = LocalNetworks.networkOf(request.localResource(site.local()));
        VimSubnet subnet = site.phases().timed(id, "local-read", () -> onlySubnet(site, localNetwork));
        PoolLedger opened = PoolLedger.open(subnet.cidr(), subnet.gatewayIp())
                .reserve(site.local(), LocalNetworks.addressesInUse(site, localNetwork));
        BigInteger poolSize = PoolSplitter.poolSize(subnet.cidr(), opened.freeCount(), request.resources().size());
        L2Params initial = new L2Params(subnet.cidr(), subnet.gatewayIp(), subnet.id(), subnet.allocationPools(),
                false, subnet.allocationPools(), Optional.of(opened));
        InterSiteService service = new InterSiteService(id, request.name(), ServiceType.L2, request.project(),
                site.local(), request.resources(), initial, List.of(), Optional.empty(), ServiceState.CREATING,
                site.now(), site.now());
        site.store().insert(service);

        UUID operation = UUID.randomUUID();
        List<Region> remotes = MasterSteps.remoteRegions(site, service);
        boolean localPoolsShrunk = false;
        boolean remotePartsExist = false;
        DataPlaneWiring.Pending localWiring = DataPlaneWiring.begin(site, service);
        try {
            PoolLedger.Allocation own = opened.allocate(site.local(), poolSize);
            site.phases().timed(id, "local-pools", () ->
                    site.vim().updateAllocationPools(subnet.id(), List.of(own.range())));
            localPoolsShrunk = true;
            // A port created while we were shrinking holds an address the ledger must not give away.
            PoolLedger ledger = own.ledger().reserve(site.local(), LocalNetworks.addressesInUse(site, localNetwork));
            Map<Region, IpRange> pools = new LinkedHashMap<>();
            for (Region remote : remotes) {
                PoolLedger.Allocation allocation = ledger.allocate(remote, poolSize);
                ledger = allocation.ledger();
                pools.put(remote, allocation.range());
            }
            Map<Region, PartReply> parts = MasterSteps.createParts(site, id, operation, remotes,
                    region -> new CreatePartRequest(operation, id, request.name(), ServiceType.L2, request.project(),
                            site.local(), request.resources(),
                            Optional.of(new L2Instruction(subnet.cidr(), subnet.gatewayIp(), List.of(pools.get(region))))));
            remotePartsExist = true;
            InterSiteService active = DataPlaneWiring.activate(site, service
                    .withResources(withCreatedNetworks(request.resources(), parts), site.now())
                    .withParams(initial.withLocalPools(List.of(own.range())).withLedger(ledger), site.now()),
                    localWiring);
            MasterSteps.propagateResources(site, active, remotes);
            return active;
        } catch (RuntimeException e) {
            localWiring.undo(site);
            if (localPoolsShrunk) {
                restorePools(site, id, subnet);
            }
            MasterSteps.abandonCreate(site, id, operation, remotePartsExist ? remotes : List.of());
            throw e;
        }
    }

    @Override
    public InterSiteService update(SiteContext site, InterSiteService current, List<Resource> desired) {
        ResourceChange change = ResourceChange.between(site.local(), current.resources(), desired);
        if (change.isEmpty()) {
            return current;
        }
        for (Resource r : change.resolved()) {
            if (change.added().contains(r.region()) && r.network().isPresent()) {
                throw regionOnly("resources", r.region());
            }
        }
        L2Params params = (L2Params) current.params();
        PoolLedger ledger = params.ledger().orElseThrow();
        if (!change.removed().isEmpty()) {
            MasterSteps.readParts(site, current.id(), change.removed()).values()
                    .forEach(part -> checkRemovable(current, part));
        }
        List<Resource> resources = change.resolved();
        if (!change.added().isEmpty()) {
            Map<Region, IpRange> pools = new LinkedHashMap<>();
            for (Region joining : change.added()) {
                PoolLedger.Allocation allocation = ledger.allocate(joining, PoolSplitter.nextPoolSize(ledger, joining));
                ledger = allocation.ledger();
                pools.put(joining, allocation.range());
            }
            UUID operation = UUID.randomUUID();
            Map<Region, PartReply> parts = MasterSteps.createParts(site, current.id(), operation, change.added(),
                    region -> new CreatePartRequest(operation, current.id(), current.name(), ServiceType.L2,
                            current.project(), site.local(), change.resolved(),
                            Optional.of(new L2Instruction(params.cidr(), params.gatewayIp(), List.of(pools.get(region))))));
            resources = withCreatedNetworks(resources, parts);
        }
        MasterSteps.deleteParts(site, current.id(), change.removed());
        for (Region leaving : change.removed()) {
            ledger = ledger.release(leaving);
        }
        InterSiteService updated = DataPlaneWiring.wire(site,
                current.withResources(resources, site.now()).withParams(params.withLedger(ledger), site.now()));
        site.store().update(updated);
        MasterSteps.propagateResources(site, updated, MasterSteps.remoteRegions(site, updated));
        return updated;
    }

    @Override
    public void checkRemovable(InterSiteService service, PartReply part) {
        if (part.userPorts() > 0) {
            throw LocalNetworks.portsAttached(part.region(), part.userPorts(), part.network(), service.id());
        }
    }

    @Override
    public void deleteLocal(SiteContext site, InterSiteService service) {
        DataPlaneWiring.unwire(site, service);
        L2Params params = (L2Params) service.params();
        // The extended network is the user's: it stays, with the pools it had before the extension.
        site.vim().updateAllocationPools(params.localSubnetId(), params.originalPools());
    }

    @Override
    public PartReply createPart(SiteContext site, CreatePartRequest request) {
        L2Instruction l2 = request.l2().orElseThrow(() -> new InvalidRequestException("l2",
                "an L2 part needs the CIDR, gateway and pools decided by the master"));
        return site.locks().withLock(org.diminet.core.service.KeyedLocks.L2_CIDR_KEY, () -> {
            List<VimSubnet> clashing = LocalNetworks.subnetsOverlapping(site, l2.cidr());
            if (!clashing.isEmpty()) {
                VimSubnet first = clashing.getFirst();
                throw new ConflictException("cidr-in-use", "CIDR " + l2.cidr() + " cannot be extended into "
                        + site.local() + ": it overlaps subnet " + first.id() + " (" + first.cidr() + ") of network "
                        + first.networkId() + " there");
            }
            VimNetwork network = site.phases().timed(request.id(), "vim-create-network", () ->
                    site.vim().createNetworkWithSubnet(request.name(), new SubnetSpec(l2.cidr(), l2.gatewayIp(), l2.pools())));
            try {
                List<Resource> resources = request.resources().stream()
                        .map(r -> r.region().equals(site.local()) ? r.withNetwork(network.id()) : r).toList();
                InterSiteService service = new InterSiteService(request.id(), request.name(), ServiceType.L2,
                        request.project(), request.master(), resources,
                        new L2Params(l2.cidr(), l2.gatewayIp(), network.subnetIds().getFirst(), l2.pools(), true,
                                List.of(), Optional.empty()),
                        List.of(), Optional.empty(), ServiceState.CREATING, site.now(), site.now());
                return describePart(site, DataPlaneWiring.storeAndActivate(site, service));
            } catch (RuntimeException e) {
                site.vim().deleteNetwork(network.id());
                throw e;
            }
        });
    }

    @Override
    public InterSiteService updatePart(SiteContext site, InterSiteService current, UpdatePartRequest request) {
        // This site knows its own network best; the master's list may not have it yet.
        Resource own = current.resourceAt(site.local()).orElseThrow();
        List<Resource> resources = request.resources().stream()
                .map(r -> r.region().equals(site.local()) ? own : r).toList();
        InterSiteService updated = current.withResources(resources, site.now());
        if (!request.extraPools().isEmpty()) {
            updated = withExtraPools(site, updated, request.extraPools());
        }
        updated = DataPlaneWiring.wire(site, updated);
        site.store().update(updated);
        return updated;
    }

    @Override
    public void deletePart(SiteContext site, InterSiteService current, boolean compensation) {
        L2Params params = (L2Params) current.params();
        Optional<NetworkId> network = current.resourceAt(site.local()).flatMap(Resource::network);
        if (!compensation && params.createdHere() && network.isPresent()) {
            int ports = LocalNetworks.userPortCount(site, network.get());
            if (ports > 0) {
                throw LocalNetworks.portsAttached(site.local(), ports, network, current.id());
            }
        }
        DataPlaneWiring.unwire(site, current);
        if (params.createdHere()) {
            network.ifPresent(n -> site.vim().deleteNetwork(n));
        }
    }

    @Override
    public PartReply describePart(SiteContext site, InterSiteService current) {
        L2Params params = (L2Params) current.params();
        Optional<NetworkId> network = current.resourceAt(site.local()).flatMap(Resource::network);
        int userPorts = params.createdHere() && network.isPresent() ? LocalNetworks.userPortCount(site, network.get()) : 0;
        return new PartReply(site.local(), network, List.of(params.cidr()), params.localPools(), userPorts,
                current.state());
    }

    /** Adds pools to this site's subnet of an L2 extension, in the VIM and in the service (not yet stored). */
    public static InterSiteService withExtraPools(SiteContext site, InterSiteService service, List<IpRange> extra) {
        L2Params params = (L2Params) service.params();
        List<IpRange> pools = new ArrayList<>(params.localPools());
        pools.addAll(extra);
        site.vim().updateAllocationPools(params.localSubnetId(), pools);
        return service.withParams(params.withLocalPools(pools), site.now());
    }

    /** Best effort: a failure here must not hide the failure that made us undo the create. */
    private static void restorePools(SiteContext site, GlobalId id, VimSubnet subnet) {
        try {
            site.vim().updateAllocationPools(subnet.id(), subnet.allocationPools());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "service={0}: could not restore the pools {1} of subnet {2}: {3}",
                    id, subnet.allocationPools(), subnet.id(), e.getMessage());
        }
    }

    private static InvalidRequestException regionOnly(String field, Region remote) {
        return new InvalidRequestException(field, "L2 extension: give only the region for " + remote
                + "; DIMINET creates the network there");
    }

    private static VimSubnet onlySubnet(SiteContext site, NetworkId network) {
        List<VimSubnet> subnets = LocalNetworks.subnetsOf(site, network);
        if (subnets.size() != 1) {
            throw new ConflictException("unsupported-subnets", "network " + network + " at " + site.local() + " has "
                    + subnets.size() + " subnets; an L2 extension needs a network with exactly one");
        }
        return subnets.getFirst();
    }

    private static List<Resource> withCreatedNetworks(List<Resource> resources, Map<Region, PartReply> parts) {
        return resources.stream()
                .map(r -> parts.containsKey(r.region())
                        ? r.withNetwork(parts.get(r.region()).network().orElseThrow(() -> new IllegalStateException(
                                r.region() + " created its part but reported no network")))
                        : r)
                .toList();
    }
}
