package org.diminet.core.l2;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.diminet.core.domain.error.ConflictException;
import org.diminet.core.domain.error.InvalidRequestException;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.SiteLocks;
import org.diminet.core.operation.Step;
import org.diminet.core.operation.StepAction;
import org.diminet.core.operation.StepStatus;
import org.diminet.core.peer.CreatePartRequest;
import org.diminet.core.peer.L2Instruction;
import org.diminet.core.peer.PartReply;
import org.diminet.core.peer.UpdatePartRequest;
import org.diminet.core.service.DataPlaneWiring;
import org.diminet.core.service.LocalNetworks;
import org.diminet.core.service.NewService;
import org.diminet.core.service.Plan;
import org.diminet.core.service.ResourceChange;
import org.diminet.core.service.ServiceStrategy;
import org.diminet.core.service.SiteContext;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.VimNetwork;
import org.diminet.core.vim.VimSubnet;

/**
 * L2 extension, as the master plans it:
 * <ol>
 *   <li>read the local network's one subnet and the addresses its ports already hold, open a pool
 *       ledger over the CIDR and decide every site's pool; the ledger is stored with the operation,
 *       before anyone is asked, so no pool can be handed out twice whatever fails later;</li>
 *   <li>wave 0, {@code LOCAL_POOLS}: shrink the local subnet to the master's share first, so the local
 *       VIM cannot hand out an address that is about to go to another site (then check that no port
 *       took one meanwhile);</li>
 *   <li>wave 1, {@code CREATE_PART} at each other site in parallel (check that the CIDR is free there,
 *       create the network, its subnet with the site's pool, and its connection) and
 *       {@code LOCAL_WIRE};</li>
 *   <li>if anything is refused, every site drops its part and the local pools are restored.</li>
 * </ol>
 * Pools never overlap, lie inside the CIDR and exclude the network, broadcast and gateway addresses,
 * so no address is handed out twice across the service. A site's part is a network named
 * {@code diminet-<global id>}, so a part a crash left half made is found and finished or removed.
 */
public final class L2ExtensionStrategy implements ServiceStrategy {

    @Override
    public ServiceType type() {
        return ServiceType.L2;
    }

    /** The name of the network DIMINET creates at a remote site, which lets a retry find it. */
    public static String networkName(GlobalId id) {
        return "diminet-" + id;
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
    public Plan planCreate(SiteContext site, GlobalId id, NewService request) {
        for (int i = 0; i < request.resources().size(); i++) {
            Resource r = request.resources().get(i);
            if (!r.region().equals(site.local()) && r.network().isPresent()) {
                throw regionOnly("resources[" + i + "].network", r.region());
            }
        }
        NetworkId localNetwork = LocalNetworks.networkOf(request.localResource(site.local()));
        VimSubnet subnet = site.phases().timed(id, ServiceType.L2, "local-read", () -> onlySubnet(site, localNetwork, request.project()));
        PoolLedger ledger = PoolLedger.open(subnet.cidr(), subnet.gatewayIp())
                .reserve(site.local(), LocalNetworks.addressesInUse(site, localNetwork));
        BigInteger poolSize = PoolSplitter.poolSize(subnet.cidr(), ledger.freeCount(), request.resources().size());
        PoolLedger.Allocation own = ledger.allocate(site.local(), poolSize);
        ledger = own.ledger();
        List<Step> steps = new ArrayList<>();
        steps.add(Step.planned(0, site.local(), StepAction.LOCAL_POOLS, 0));
        for (Resource r : request.resources()) {
            if (!r.region().equals(site.local())) {
                ledger = ledger.allocate(r.region(), poolSize).ledger();
                steps.add(Step.planned(steps.size(), r.region(), StepAction.CREATE_PART, 1));
            }
        }
        steps.add(Step.planned(steps.size(), site.local(), StepAction.LOCAL_WIRE, 1));
        L2Params params = new L2Params(subnet.cidr(), subnet.gatewayIp(), subnet.id(), List.of(own.range()),
                false, subnet.allocationPools(), Optional.of(ledger));
        InterSiteService row = new InterSiteService(id, request.name(), ServiceType.L2, request.project(),
                site.local(), request.resources(), params, List.of(), Optional.empty(), ServiceState.CREATING,
                site.now(), site.now());
        return new Plan(row, steps, request.resources());
    }

    @Override
    public Plan planUpdate(SiteContext site, InterSiteService current, ResourceChange change) {
        for (Resource r : change.resolved()) {
            if (change.added().contains(r.region()) && r.network().isPresent()) {
                throw regionOnly("resources", r.region());
            }
        }
        L2Params params = (L2Params) current.params();
        PoolLedger ledger = params.ledger().orElseThrow();
        List<Step> steps = new ArrayList<>();
        for (Region leaving : change.removed()) {
            steps.add(Step.planned(steps.size(), leaving, StepAction.CHECK_PART, 0));
        }
        for (Region joining : change.added()) {
            ledger = ledger.allocate(joining, PoolSplitter.nextPoolSize(ledger, joining)).ledger();
            steps.add(Step.planned(steps.size(), joining, StepAction.CREATE_PART, 1));
        }
        steps.add(Step.planned(steps.size(), site.local(), StepAction.LOCAL_WIRE, 2));
        return new Plan(current.withParams(params.withLedger(ledger), site.now()), steps, change.resolved());
    }

    @Override
    public List<Step> planDelete(SiteContext site, InterSiteService current) {
        List<Step> steps = new ArrayList<>();
        List<Region> remotes = current.regions().stream().filter(r -> !r.equals(site.local())).toList();
        for (Region r : remotes) {
            steps.add(Step.planned(steps.size(), r, StepAction.CHECK_PART, 0));
        }
        for (Region r : remotes) {
            steps.add(Step.planned(steps.size(), r, StepAction.DELETE_PART, 1));
        }
        steps.add(Step.planned(steps.size(), site.local(), StepAction.LOCAL_REMOVE, 1));
        return steps;
    }

    @Override
    public CreatePartRequest partRequest(SiteContext site, InterSiteService service, Operation operation, Region region) {
        L2Params params = (L2Params) service.params();
        List<IpRange> pools = params.ledger().orElseThrow().assignedTo(region);
        return new CreatePartRequest(operation.id(), service.id(), service.name(), ServiceType.L2, service.project(),
                site.local(), operation.after(), Optional.of(new L2Instruction(params.cidr(), params.gatewayIp(), pools)));
    }

    /**
     * After the local pools were shrunk: no port took, meanwhile, an address the ledger gives another
     * site. After the sites were asked whether their parts may go: none has machines left on it.
     */
    @Override
    public void checkWave(SiteContext site, InterSiteService service, Operation operation, int wave) {
        List<Step> inWave = operation.steps().stream().filter(s -> s.wave() == wave).toList();
        L2Params params = (L2Params) service.params();
        if (inWave.stream().anyMatch(s -> s.action() == StepAction.LOCAL_POOLS)) {
            PoolLedger ledger = params.ledger().orElseThrow();
            NetworkId network = LocalNetworks.networkOf(service.resourceAt(site.local()).orElseThrow());
            for (String address : LocalNetworks.addressesInUse(site, network)) {
                for (Region other : service.regions()) {
                    if (!other.equals(site.local()) && ledger.assignedTo(other).stream().anyMatch(r -> r.contains(address))) {
                        throw new ConflictException("address-taken", "a port took " + address + " on network " + network
                                + " at " + site.local() + " while the extension was being set up; nothing was created,"
                                + " try again");
                    }
                }
            }
        }
        for (Step step : inWave) {
            if (step.action() == StepAction.CHECK_PART && step.status() == StepStatus.DONE && step.reply().isPresent()) {
                PartReply part = step.reply().get();
                if (part.userPorts() > 0) {
                    throw LocalNetworks.portsAttached(part.region(), part.userPorts(), part.network(), service.id());
                }
            }
        }
    }

    /** A site that left confirmed its part is gone: its pools go back to the ledger. */
    @Override
    public InterSiteService partRemoved(InterSiteService service, Region region) {
        if (service.resourceAt(region).isPresent() || !(service.params() instanceof L2Params params)
                || params.ledger().isEmpty()) {
            return service;
        }
        return service.withParams(params.withLedger(params.ledger().get().release(region)), service.updatedAt());
    }

    /** The extended network is the user's: it stays, with the pools it had before the extension. */
    @Override
    public void removeLocal(SiteContext site, InterSiteService service) {
        DataPlaneWiring.unwire(site, service);
        L2Params params = (L2Params) service.params();
        site.vim().updateAllocationPools(params.localSubnetId(), params.originalPools());
    }

    @Override
    public PoolGrant grantPool(InterSiteService service, Region requester) {
        L2Params params = (L2Params) service.params();
        PoolLedger ledger = params.ledger().orElseThrow(() -> new InvalidRequestException("global_id",
                "only the master of " + service.id() + " keeps its pool ledger"));
        PoolLedger.Allocation allocation = ledger.allocate(requester, PoolSplitter.nextPoolSize(ledger, requester));
        return new PoolGrant(service.withParams(params.withLedger(allocation.ledger()), service.updatedAt()),
                allocation.range());
    }

    @Override
    public InterSiteService withLocalPool(SiteContext site, InterSiteService service, IpRange pool) {
        return withExtraPools(site, service, List.of(pool));
    }

    /**
     * Checks the CIDR is free here and creates the network (named after the service) with its subnet
     * and pool, claims it and connects it. The part is stored CREATING first, so a crash at any point
     * leaves something a retry finishes or an undo removes, never a network nobody knows.
     */
    @Override
    public PartReply createPart(SiteContext site, CreatePartRequest request) {
        L2Instruction l2 = request.l2().orElseThrow(() -> new InvalidRequestException("l2",
                "an L2 part needs the CIDR, gateway and pools decided by the master"));
        return site.locks().withLock(SiteLocks.L2_CIDR, () -> {
            Optional<InterSiteService> earlier = site.store().find(request.id());
            Optional<VimNetwork> left = site.vim().networksNamed(networkName(request.id())).stream().findFirst();
            if (left.isEmpty()) {
                // Refused before anything is stored: a refused request leaves nothing here.
                List<VimSubnet> clashing = LocalNetworks.subnetsOverlapping(site, l2.cidr());
                if (!clashing.isEmpty()) {
                    VimSubnet first = clashing.getFirst();
                    throw new ConflictException("cidr-in-use", "CIDR " + l2.cidr() + " cannot be extended into "
                            + site.local() + ": it overlaps subnet " + first.id() + " (" + first.cidr() + ") of network "
                            + first.networkId() + " there");
                }
            }
            InterSiteService part = earlier.orElseGet(() -> {
                InterSiteService fresh = new InterSiteService(request.id(), request.name(), ServiceType.L2,
                        request.project(), request.master(), request.resources(),
                        new L2Params(l2.cidr(), l2.gatewayIp(), null, l2.pools(), true, List.of(), Optional.empty()),
                        List.of(), Optional.empty(), ServiceState.CREATING, site.now(), site.now());
                site.store().insert(fresh);
                return fresh;
            });
            VimNetwork network;
            try {
                network = left.orElseGet(() -> site.phases().timed(request.id(), ServiceType.L2, "vim-create-network", () ->
                        site.vim().createNetworkWithSubnet(networkName(request.id()), request.project(),
                                new SubnetSpec(l2.cidr(), l2.gatewayIp(), l2.pools()))));
            } catch (RuntimeException e) {
                if (earlier.isEmpty()) {
                    forgetIfNothingWasMade(site, request.id());
                }
                throw e;
            }
            List<Resource> resources = request.resources().stream()
                    .map(r -> r.region().equals(site.local()) ? r.withNetwork(network.id()) : r).toList();
            L2Params params = (L2Params) part.params();
            InterSiteService withNetwork = part.withResources(resources, site.now()).withParams(
                    new L2Params(params.cidr(), params.gatewayIp(), network.subnetIds().getFirst(), params.localPools(),
                            true, List.of(), Optional.empty()), site.now());
            site.store().update(withNetwork);
            // The master reads a part's user ports only before removing it (CHECK_PART), never from a create's reply:
            // counting them here would cost every create a port listing on its critical path.
            return describe(site, DataPlaneWiring.activatePart(site, withNetwork, earlier.isEmpty()), 0);
        });
    }

    /**
     * After the VIM refused to create the network of a part just stored: when the VIM has no network of
     * that name, nothing was made, and the part's row goes again. When that cannot be told (the VIM does
     * not answer), the row stays CREATING for the master's retry or undo to settle.
     */
    private static void forgetIfNothingWasMade(SiteContext site, GlobalId id) {
        try {
            if (site.vim().networksNamed(networkName(id)).isEmpty()) {
                site.store().delete(id);
            }
        } catch (RuntimeException unknown) {
            // The master's undo removes it.
        }
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
            // A part a crash left before its network was recorded: find the network by its name.
            site.vim().networksNamed(networkName(current.id())).forEach(n -> site.vim().deleteNetwork(n.id()));
        }
    }

    @Override
    public PartReply describePart(SiteContext site, InterSiteService current) {
        L2Params params = (L2Params) current.params();
        Optional<NetworkId> network = current.resourceAt(site.local()).flatMap(Resource::network);
        int userPorts = params.createdHere() && network.isPresent() ? LocalNetworks.userPortCount(site, network.get()) : 0;
        return describe(site, current, userPorts);
    }

    private static PartReply describe(SiteContext site, InterSiteService current, int userPorts) {
        L2Params params = (L2Params) current.params();
        return new PartReply(site.local(), current.resourceAt(site.local()).flatMap(Resource::network),
                List.of(params.cidr()), params.localPools(), userPorts, current.state());
    }

    /**
     * Adds pools to this site's subnet of an L2 extension, in the VIM and in the service (not yet
     * stored). Pools it has already are not added twice, so a repeated request changes nothing.
     */
    private static InterSiteService withExtraPools(SiteContext site, InterSiteService service, List<IpRange> extra) {
        L2Params params = (L2Params) service.params();
        List<IpRange> pools = new ArrayList<>(params.localPools());
        extra.stream().filter(p -> pools.stream().noneMatch(have -> have.contains(p.start()) && have.contains(p.end())))
                .forEach(pools::add);
        site.vim().updateAllocationPools(params.localSubnetId(), pools);
        return service.withParams(params.withLocalPools(pools), site.now());
    }

    private static InvalidRequestException regionOnly(String field, Region remote) {
        return new InvalidRequestException(field, "L2 extension: give only the region for " + remote
                + "; DIMINET creates the network there");
    }

    private static VimSubnet onlySubnet(SiteContext site, NetworkId network, String project) {
        List<VimSubnet> subnets = LocalNetworks.subnetsOf(site, network, project);
        if (subnets.size() != 1) {
            throw new ConflictException("unsupported-subnets", "network " + network + " at " + site.local() + " has "
                    + subnets.size() + " subnets; an L2 extension needs a network with exactly one");
        }
        return subnets.getFirst();
    }
}
