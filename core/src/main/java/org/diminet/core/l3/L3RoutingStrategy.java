package org.diminet.core.l3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.L3Params;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.error.ConflictException;
import org.diminet.core.error.InvalidRequestException;
import org.diminet.core.peer.CreatePartRequest;
import org.diminet.core.peer.PartReply;
import org.diminet.core.peer.UpdatePartRequest;
import org.diminet.core.service.DataPlaneWiring;
import org.diminet.core.service.LocalNetworks;
import org.diminet.core.service.MasterSteps;
import org.diminet.core.service.NewService;
import org.diminet.core.service.ResourceChange;
import org.diminet.core.service.ServiceStrategy;
import org.diminet.core.service.SiteContext;

/**
 * L3 routing. The master sends every other site, in parallel, one request that makes the site check
 * its network, claim it and connect it, and answer with the network's CIDRs. The master then checks
 * that no two sites' CIDRs overlap; if some do, or any site failed, it tells every site to drop its
 * part, so the user gets an error and nothing is left anywhere. One round trip on success.
 */
public final class L3RoutingStrategy implements ServiceStrategy {

    @Override
    public ServiceType type() {
        return ServiceType.L3;
    }

    @Override
    public void checkResources(List<Resource> resources, SiteContext site) {
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).network().isEmpty()) {
                throw new InvalidRequestException("resources[" + i + "].network", "L3 routing connects existing"
                        + " networks: name the network at " + resources.get(i).region());
            }
        }
    }

    @Override
    public InterSiteService create(SiteContext site, GlobalId id, NewService request) {
        NetworkId localNetwork = LocalNetworks.networkOf(request.localResource(site.local()));
        List<Cidr> localCidrs = site.phases().timed(id, "local-read", () -> LocalNetworks.cidrsOf(site, localNetwork));
        InterSiteService service = new InterSiteService(id, request.name(), ServiceType.L3, request.project(),
                site.local(), request.resources(), new L3Params(localCidrs), List.of(), Optional.empty(),
                ServiceState.CREATING, site.now(), site.now());
        site.store().insert(service);
        UUID operation = UUID.randomUUID();
        List<Region> remotes = MasterSteps.remoteRegions(site, service);
        boolean remotePartsExist = false;
        DataPlaneWiring.Pending localWiring = DataPlaneWiring.begin(site, service);
        try {
            Map<Region, PartReply> parts = MasterSteps.createParts(site, id, operation, remotes,
                    region -> new CreatePartRequest(operation, id, request.name(), ServiceType.L3, request.project(),
                            site.local(), request.resources(), Optional.empty()));
            remotePartsExist = true;
            OverlapCheck.requireDisjoint(allCidrs(site.local(), localNetwork, localCidrs, parts));
            return DataPlaneWiring.activate(site, service, localWiring);
        } catch (RuntimeException e) {
            localWiring.undo(site);
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
        if (!change.removed().isEmpty()) {
            // Every leaving site must be reachable before anything changes.
            MasterSteps.readParts(site, current.id(), change.removed());
        }
        if (!change.added().isEmpty()) {
            List<Region> staying = MasterSteps.remoteRegions(site, current).stream()
                    .filter(r -> !change.removed().contains(r)).toList();
            Map<Region, PartReply> existing = MasterSteps.readParts(site, current.id(), staying);
            UUID operation = UUID.randomUUID();
            Map<Region, PartReply> added = MasterSteps.createParts(site, current.id(), operation, change.added(),
                    region -> new CreatePartRequest(operation, current.id(), current.name(), ServiceType.L3,
                            current.project(), site.local(), change.resolved(), Optional.empty()));
            List<SiteCidr> all = allCidrs(site.local(), localNetworkOf(site, current),
                    ((L3Params) current.params()).localCidrs(), existing);
            all.addAll(siteCidrs(added));
            try {
                OverlapCheck.requireDisjoint(all);
            } catch (ConflictException e) {
                MasterSteps.compensate(site, current.id(), operation, change.added());
                throw e;
            }
        }
        MasterSteps.deleteParts(site, current.id(), change.removed());
        InterSiteService updated = DataPlaneWiring.wire(site, current.withResources(change.resolved(), site.now()));
        site.store().update(updated);
        MasterSteps.propagateResources(site, updated, MasterSteps.remoteRegions(site, updated));
        return updated;
    }

    @Override
    public void checkRemovable(InterSiteService service, PartReply part) {
        // Routing can be withdrawn whatever runs on the networks: they stay, only the routes go.
    }

    @Override
    public void deleteLocal(SiteContext site, InterSiteService service) {
        DataPlaneWiring.unwire(site, service);
    }

    @Override
    public PartReply createPart(SiteContext site, CreatePartRequest request) {
        Resource local = request.resources().stream().filter(r -> r.region().equals(site.local())).findFirst().orElseThrow();
        NetworkId network = local.network().orElseThrow(() -> new InvalidRequestException("resources",
                "L3 routing needs the network at " + site.local()));
        List<Cidr> cidrs = LocalNetworks.cidrsOf(site, network);
        InterSiteService service = new InterSiteService(request.id(), request.name(), ServiceType.L3, request.project(),
                request.master(), request.resources(), new L3Params(cidrs), List.of(), Optional.empty(),
                ServiceState.CREATING, site.now(), site.now());
        return describePart(site, DataPlaneWiring.storeAndActivate(site, service));
    }

    @Override
    public InterSiteService updatePart(SiteContext site, InterSiteService current, UpdatePartRequest request) {
        InterSiteService updated = DataPlaneWiring.wire(site, current.withResources(request.resources(), site.now()));
        site.store().update(updated);
        return updated;
    }

    @Override
    public void deletePart(SiteContext site, InterSiteService current, boolean compensation) {
        DataPlaneWiring.unwire(site, current);
    }

    @Override
    public PartReply describePart(SiteContext site, InterSiteService current) {
        return new PartReply(site.local(), current.resourceAt(site.local()).flatMap(Resource::network),
                ((L3Params) current.params()).localCidrs(), List.of(), 0, current.state());
    }

    private static NetworkId localNetworkOf(SiteContext site, InterSiteService service) {
        return LocalNetworks.networkOf(service.resourceAt(site.local()).orElseThrow());
    }

    private static List<SiteCidr> allCidrs(Region local, NetworkId localNetwork, List<Cidr> localCidrs,
                                           Map<Region, PartReply> parts) {
        List<SiteCidr> all = new ArrayList<>(localCidrs.stream().map(c -> new SiteCidr(local, localNetwork, c)).toList());
        all.addAll(siteCidrs(parts));
        return all;
    }

    private static List<SiteCidr> siteCidrs(Map<Region, PartReply> parts) {
        return parts.values().stream()
                .flatMap(p -> p.cidrs().stream().map(c -> new SiteCidr(p.region(), p.network().orElseThrow(), c)))
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
