package org.diminet.core.l3;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.L3Params;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.domain.error.InvalidRequestException;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.OperationKind;
import org.diminet.core.operation.OperationPhase;
import org.diminet.core.operation.Step;
import org.diminet.core.operation.StepAction;
import org.diminet.core.operation.StepStatus;
import org.diminet.core.peer.CreatePartRequest;
import org.diminet.core.peer.PartReply;
import org.diminet.core.peer.UpdatePartRequest;
import org.diminet.core.service.DataPlaneWiring;
import org.diminet.core.service.LocalNetworks;
import org.diminet.core.service.NewService;
import org.diminet.core.service.Plan;
import org.diminet.core.service.ResourceChange;
import org.diminet.core.service.ServiceStrategy;
import org.diminet.core.service.SiteContext;

/**
 * L3 routing. The master sends every other site, in parallel, one request that makes the site check
 * its network, claim it and connect it, and answer with the network's CIDRs, while it connects its own
 * network. Once every site answered, the master checks that no two sites' CIDRs overlap; if some do,
 * or a site refused, every site drops its part (undo steps), so the user gets an error and nothing is
 * left anywhere. One round trip on success.
 *
 * <p>Plan of a create: wave 0 {@code CREATE_PART} at each other site and {@code LOCAL_WIRE} (which first
 * reads the local network: {@link #beforeLocalWire}); overlap check; commit. An update that adds sites
 * also reads the staying sites' parts in wave 0 (their CIDRs count in the check) and re-wires in wave 1.
 * A delete is one wave of {@code DELETE_PART}: routing can be withdrawn whatever runs on the networks.
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
    public Plan planCreate(SiteContext site, GlobalId id, NewService request) {
        // The local network is read in LOCAL_WIRE (beforeLocalWire), beside the other sites' parts.
        InterSiteService row = new InterSiteService(id, request.name(), ServiceType.L3, request.project(),
                site.local(), request.resources(), new L3Params(List.of()), List.of(), Optional.empty(),
                ServiceState.CREATING, site.now(), site.now());
        List<Step> steps = new ArrayList<>();
        for (Resource r : request.resources()) {
            if (!r.region().equals(site.local())) {
                steps.add(Step.planned(steps.size(), r.region(), StepAction.CREATE_PART, 0));
            }
        }
        steps.add(Step.planned(steps.size(), site.local(), StepAction.LOCAL_WIRE, 0));
        return new Plan(row, steps, request.resources());
    }

    @Override
    public Plan planUpdate(SiteContext site, InterSiteService current, ResourceChange change) {
        List<Step> steps = new ArrayList<>();
        if (!change.added().isEmpty()) {
            for (Resource r : current.resources()) {
                if (!r.region().equals(site.local()) && !change.removed().contains(r.region())) {
                    steps.add(Step.planned(steps.size(), r.region(), StepAction.READ_PART, 0));
                }
            }
            for (Region joining : change.added()) {
                steps.add(Step.planned(steps.size(), joining, StepAction.CREATE_PART, 0));
            }
        }
        steps.add(Step.planned(steps.size(), site.local(), StepAction.LOCAL_WIRE, 1));
        return new Plan(current, steps, change.resolved());
    }

    @Override
    public List<Step> planDelete(SiteContext site, InterSiteService current) {
        List<Step> steps = new ArrayList<>();
        for (Region r : current.regions()) {
            if (!r.equals(site.local())) {
                steps.add(Step.planned(steps.size(), r, StepAction.DELETE_PART, 0));
            }
        }
        steps.add(Step.planned(steps.size(), site.local(), StepAction.LOCAL_REMOVE, 0));
        return steps;
    }

    @Override
    public CreatePartRequest partRequest(SiteContext site, InterSiteService service, Operation operation, Region region) {
        return new CreatePartRequest(operation.id(), service.id(), service.name(), ServiceType.L3, service.project(),
                site.local(), operation.after(), Optional.empty());
    }

    /**
     * A create reads its local network here, in the wave that creates the other sites' parts, not before
     * it: the read (two Neutron calls) then costs a create nothing on top of the slowest site's part. It
     * still runs before the network is attached, so nothing is wired to a network the service's project may
     * not use; a refused read revokes the create and the other sites' parts are undone. The CIDRs are
     * stored with the wiring, before the overlap check reads them.
     */
    @Override
    public InterSiteService beforeLocalWire(SiteContext site, InterSiteService row, Operation operation) {
        if (operation.kind() != OperationKind.CREATE || operation.phase() != OperationPhase.RUNNING) {
            return row;
        }
        NetworkId localNetwork = LocalNetworks.networkOf(row.resourceAt(site.local()).orElseThrow());
        List<Cidr> cidrs = site.phases().timed(row.id(), ServiceType.L3, "local-read",
                () -> LocalNetworks.cidrsOf(site, localNetwork, row.project()));
        return row.withParams(new L3Params(cidrs), site.now());
    }

    /** After the wave that created parts: no two sites' CIDRs may overlap. */
    @Override
    public void checkWave(SiteContext site, InterSiteService service, Operation operation, int wave) {
        boolean created = operation.steps().stream()
                .anyMatch(s -> s.wave() == wave && s.action() == StepAction.CREATE_PART);
        if (!created) {
            return;
        }
        NetworkId localNetwork = LocalNetworks.networkOf(service.resourceAt(site.local()).orElseThrow());
        List<SiteCidr> all = new ArrayList<>();
        ((L3Params) service.params()).localCidrs().forEach(c -> all.add(new SiteCidr(site.local(), localNetwork, c)));
        for (Step step : operation.steps()) {
            if ((step.action() == StepAction.CREATE_PART || step.action() == StepAction.READ_PART)
                    && step.status() == StepStatus.DONE && step.reply().isPresent()) {
                PartReply part = step.reply().get();
                part.cidrs().forEach(c -> all.add(new SiteCidr(part.region(), part.network().orElseThrow(), c)));
            }
        }
        OverlapCheck.requireDisjoint(all);
    }

    @Override
    public InterSiteService partRemoved(InterSiteService service, Region region) {
        return service;
    }

    @Override
    public void removeLocal(SiteContext site, InterSiteService service) {
        DataPlaneWiring.unwire(site, service);
    }

    /** Claims the named network (stored CREATING), then connects it; a retry finishes a part left CREATING. */
    @Override
    public PartReply createPart(SiteContext site, CreatePartRequest request) {
        Optional<InterSiteService> existing = site.store().find(request.id());
        InterSiteService part;
        if (existing.isPresent()) {
            part = existing.get();
        } else {
            Resource local = request.resources().stream().filter(r -> r.region().equals(site.local())).findFirst().orElseThrow();
            NetworkId network = local.network().orElseThrow(() -> new InvalidRequestException("resources",
                    "L3 routing needs the network at " + site.local()));
            List<Cidr> cidrs = LocalNetworks.cidrsOf(site, network, request.project());
            part = new InterSiteService(request.id(), request.name(), ServiceType.L3, request.project(),
                    request.master(), request.resources(), new L3Params(cidrs), List.of(), Optional.empty(),
                    ServiceState.CREATING, site.now(), site.now());
            site.store().insert(part);
        }
        return describePart(site, DataPlaneWiring.activatePart(site, part, existing.isEmpty()));
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
}
