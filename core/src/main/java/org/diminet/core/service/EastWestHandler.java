package org.diminet.core.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.L2Params;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.error.ConflictException;
import org.diminet.core.domain.error.ForbiddenException;
import org.diminet.core.domain.error.InvalidRequestException;
import org.diminet.core.domain.error.NotFoundException;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.OperationKind;
import org.diminet.core.operation.SiteLocks;
import org.diminet.core.peer.CreatePartRequest;
import org.diminet.core.peer.PartReply;
import org.diminet.core.peer.Standing;
import org.diminet.core.peer.UpdatePartRequest;
import org.diminet.core.vim.VimSubnet;

/**
 * What a master may ask of this site, and the read-only checks peers may make. Every change a master
 * asks for may arrive twice (a retry after a lost answer or after the master restarted) and is answered
 * the same way the second time without being done twice.
 *
 * <p>Every call names the peer that makes it, as the site's authentication established it (a peer's
 * token or certificate, never a region written in the body): only a service's master may create,
 * change or remove its parts, only a site of the service may read it or take a pool for itself. A peer
 * that asks for more is refused and nothing changes.
 */
public final class EastWestHandler {
    private final SiteContext site;
    private final StrategyRegistry strategies;

    public EastWestHandler(SiteContext site, StrategyRegistry strategies) {
        this.site = site;
        this.strategies = strategies;
    }

    public PartReply createPart(Region caller, CreatePartRequest request) {
        if (!request.master().equals(caller)) {
            throw new ForbiddenException("peer-not-master", "peer " + caller + " asked to create a part of a service"
                    + " it says " + request.master() + " masters; a site creates parts only for its own services");
        }
        if (request.master().equals(site.local())) {
            throw new InvalidRequestException("master", "a site does not create parts for services it masters");
        }
        if (request.resources().stream().noneMatch(r -> r.region().equals(site.local()))) {
            throw new InvalidRequestException("resources", "the service has no resource at " + site.local());
        }
        return site.locks().withLock(SiteLocks.service(request.id()), () -> {
            if (site.store().isAbandoned(request.operation())) {
                throw new ConflictException("operation-abandoned", "the master of " + request.id()
                        + " already gave up operation " + request.operation() + "; nothing was created at " + site.local());
            }
            Optional<InterSiteService> existing = site.store().find(request.id());
            existing.ifPresent(part -> requireMaster(caller, part));
            ServiceStrategy strategy = strategies.forType(request.type());
            if (existing.isPresent() && existing.get().state() != ServiceState.CREATING) {
                // A repeated create: answer with what is here instead of building a second copy.
                return strategy.describePart(site, existing.get());
            }
            // New, or left half made by a crash of this site: the strategy builds or finishes it.
            return site.phases().timed(request.id(), request.type(), "local-create-part", () -> strategy.createPart(site, request));
        });
    }

    public PartReply readPart(Region caller, GlobalId id) {
        InterSiteService service = find(id);
        requireSiteOf(caller, service);
        return strategies.forType(service.type()).describePart(site, service);
    }

    public PartReply updatePart(Region caller, GlobalId id, UpdatePartRequest request) {
        return site.locks().withLock(SiteLocks.service(id), () -> {
            InterSiteService service = find(id);
            requireMaster(caller, service);
            ServiceStrategy strategy = strategies.forType(service.type());
            InterSiteService updated = strategy.updatePart(site, service, request);
            return strategy.describePart(site, updated);
        });
    }

    /** Removes this site's part; idempotent, and with an operation also refuses that operation later. */
    public void deletePart(Region caller, GlobalId id, Optional<UUID> abandonedOperation) {
        site.locks().withLock(SiteLocks.service(id), () -> {
            site.store().find(id).ifPresent(service -> requireMaster(caller, service));
            abandonedOperation.ifPresent(op -> site.store().recordAbandoned(op));
            site.store().find(id).ifPresent(service -> {
                if (service.isMasteredBy(site.local())) {
                    throw new ConflictException("is-master", site.local() + " is the master of " + id
                            + "; delete the service through the North API instead");
                }
                strategies.forType(service.type()).deletePart(site, service,
                        abandonedOperation.isPresent() || service.state() == ServiceState.CREATING);
                site.store().delete(id);
            });
        });
    }

    /**
     * Master only: takes one more pool from the ledger for {@code requester}. The grant is stored under
     * {@code key} with the ledger in one transaction, so the same request asked again (its answer was
     * lost) gets the same pool and the ledger is not charged twice.
     */
    public IpRange allocatePool(Region caller, GlobalId id, Region requester, String key) {
        if (!requester.equals(caller)) {
            throw new ForbiddenException("peer-not-requester", "peer " + caller + " asked for a pool for " + requester
                    + "; a site asks for pools only for itself");
        }
        if (key == null || key.isBlank()) {
            throw new InvalidRequestException("request", "a pool request needs the requesting step's key");
        }
        return site.locks().withLock(SiteLocks.service(id), () -> {
            Optional<IpRange> earlier = site.journal().findGrant(key);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            InterSiteService service = find(id);
            if (!service.isMasteredBy(site.local())) {
                throw new ConflictException("not-master", site.local() + " is not the master of " + id
                        + "; ask " + service.master());
            }
            if (!(service.params() instanceof L2Params)) {
                throw new InvalidRequestException("global_id", "service " + id + " is not an L2 extension");
            }
            if (service.state() != ServiceState.ACTIVE && service.state() != ServiceState.UPDATING) {
                throw new ConflictException("service-busy", "service " + id + " is " + service.state() + " at its master "
                        + site.local() + "; ask again when it is ACTIVE");
            }
            if (service.resourceAt(requester).isEmpty()) {
                throw new InvalidRequestException("region", requester + " is not a site of service " + id);
            }
            ServiceStrategy.PoolGrant grant = strategies.forType(service.type()).grantPool(service, requester);
            site.transactions().inTransaction(() -> {
                site.store().update(grant.row());
                site.journal().recordGrant(key, id, grant.pool());
            });
            return grant.pool();
        });
    }

    /**
     * Master only: is {@code region} a site of the service, and with which pools? A site that is joining
     * through a running change counts as a site, so that it does not drop the part it just built.
     */
    public Standing standing(Region caller, GlobalId id, Region region) {
        if (!region.equals(caller)) {
            throw new ForbiddenException("peer-not-subject", "peer " + caller + " asked about " + region
                    + "'s standing; a site asks only about itself");
        }
        InterSiteService service = find(id);
        if (!service.isMasteredBy(site.local())) {
            throw new ConflictException("not-master", site.local() + " is not the master of " + id
                    + "; ask " + service.master());
        }
        boolean joining = site.journal().openFor(id).stream()
                .filter(op -> op.phase().holdsService() && op.kind() != OperationKind.DELETE)
                .map(Operation::after)
                .anyMatch(after -> after.stream().anyMatch(r -> r.region().equals(region)));
        boolean member = service.resourceAt(region).isPresent() && service.state() != ServiceState.FAILED || joining;
        List<IpRange> pools = service.params() instanceof L2Params l2
                ? l2.ledger().map(l -> l.assignedTo(region)).orElse(List.of()) : List.of();
        return new Standing(member, service.resources(), pools);
    }

    /** The CIDRs of a local network's subnets. */
    public List<Cidr> cidrsOf(NetworkId network) {
        if (site.vim().findNetwork(network).isEmpty()) {
            throw new NotFoundException("network-not-found", "network " + network + " not found in " + site.local());
        }
        return site.vim().subnetsOf(network).stream().map(VimSubnet::cidr).toList();
    }

    /** The local subnets that overlap {@code cidr}; empty means an L2 extension of it could land here. */
    public List<VimSubnet> subnetsOverlapping(Cidr cidr) {
        return LocalNetworks.subnetsOverlapping(site, cidr);
    }

    private void requireMaster(Region caller, InterSiteService service) {
        if (!service.isMasteredBy(caller)) {
            throw new ForbiddenException("peer-not-master", "peer " + caller + " is not the master of " + service.id()
                    + "; only " + service.master() + " may change its parts");
        }
    }

    private void requireSiteOf(Region caller, InterSiteService service) {
        if (!service.isMasteredBy(caller) && service.resourceAt(caller).isEmpty()) {
            throw new ForbiddenException("peer-not-member", "peer " + caller + " is not a site of " + service.id());
        }
    }

    private InterSiteService find(GlobalId id) {
        return site.store().find(id).orElseThrow(() ->
                new NotFoundException("service-not-found", "service " + id + " is not known at " + site.local()));
    }
}
