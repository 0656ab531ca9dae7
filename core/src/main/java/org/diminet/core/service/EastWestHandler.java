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
import org.diminet.core.domain.PoolLedger;
import org.diminet.core.domain.Region;
import org.diminet.core.error.ConflictException;
import org.diminet.core.error.InvalidRequestException;
import org.diminet.core.error.NotFoundException;
import org.diminet.core.l2.L2ExtensionStrategy;
import org.diminet.core.l2.PoolSplitter;
import org.diminet.core.peer.CreatePartRequest;
import org.diminet.core.peer.PartReply;
import org.diminet.core.peer.UpdatePartRequest;
import org.diminet.core.vim.VimSubnet;

/** What a master may ask of this site, and the read-only checks peers may make. */
public final class EastWestHandler {
    private final SiteContext site;
    private final StrategyRegistry strategies;

    public EastWestHandler(SiteContext site, StrategyRegistry strategies) {
        this.site = site;
        this.strategies = strategies;
    }

    public PartReply createPart(CreatePartRequest request) {
        if (request.master().equals(site.local())) {
            throw new InvalidRequestException("master", "a site does not create parts for services it masters");
        }
        if (request.resources().stream().noneMatch(r -> r.region().equals(site.local()))) {
            throw new InvalidRequestException("resources", "the service has no resource at " + site.local());
        }
        return site.locks().withLock(request.id(), () -> {
            if (site.store().isAbandoned(request.operation())) {
                throw new ConflictException("operation-abandoned", "the master of " + request.id()
                        + " already gave up operation " + request.operation() + "; nothing was created at " + site.local());
            }
            Optional<InterSiteService> existing = site.store().find(request.id());
            ServiceStrategy strategy = strategies.forType(request.type());
            if (existing.isPresent()) {
                // A retried create: answer with what is here instead of building a second copy.
                return strategy.describePart(site, existing.get());
            }
            return site.phases().timed(request.id(), "local-create-part", () -> strategy.createPart(site, request));
        });
    }

    public PartReply readPart(GlobalId id) {
        InterSiteService service = find(id);
        return strategies.forType(service.type()).describePart(site, service);
    }

    public PartReply updatePart(GlobalId id, UpdatePartRequest request) {
        return site.locks().withLock(id, () -> {
            InterSiteService service = find(id);
            ServiceStrategy strategy = strategies.forType(service.type());
            InterSiteService updated = strategy.updatePart(site, service, request);
            return strategy.describePart(site, updated);
        });
    }

    /** Removes this site's part; idempotent, and with an operation also refuses that operation later. */
    public void deletePart(GlobalId id, Optional<UUID> abandonedOperation) {
        site.locks().withLock(id, () -> {
            abandonedOperation.ifPresent(op -> site.store().recordAbandoned(op));
            site.store().find(id).ifPresent(service -> {
                if (service.isMasteredBy(site.local())) {
                    throw new ConflictException("is-master", site.local() + " is the master of " + id
                            + "; delete the service through the North API instead");
                }
                strategies.forType(service.type()).deletePart(site, service, abandonedOperation.isPresent());
                site.store().delete(id);
            });
        });
    }

    /** Master only: takes one more pool from the ledger for {@code requester}. */
    public IpRange allocatePool(GlobalId id, Region requester) {
        return site.locks().withLock(id, () -> {
            InterSiteService service = find(id);
            if (!service.isMasteredBy(site.local())) {
                throw new ConflictException("not-master", site.local() + " is not the master of " + id
                        + "; ask " + service.master());
            }
            if (!(service.params() instanceof L2Params params) || params.ledger().isEmpty()) {
                throw new InvalidRequestException("global_id", "service " + id + " is not an L2 extension");
            }
            if (service.resourceAt(requester).isEmpty()) {
                throw new InvalidRequestException("region", requester + " is not a site of service " + id);
            }
            PoolLedger ledger = params.ledger().get();
            PoolLedger.Allocation allocation = ledger.allocate(requester, PoolSplitter.nextPoolSize(ledger, requester));
            site.store().update(service.withParams(params.withLedger(allocation.ledger()), site.now()));
            return allocation.range();
        });
    }

    /** Adds pools to this site's subnet of an L2 extension. */
    public InterSiteService addPools(GlobalId id, List<IpRange> pools) {
        return site.locks().withLock(id, () -> {
            InterSiteService updated = L2ExtensionStrategy.withExtraPools(site, find(id), pools);
            site.store().update(updated);
            return updated;
        });
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

    private InterSiteService find(GlobalId id) {
        return site.store().find(id).orElseThrow(() ->
                new NotFoundException("service-not-found", "service " + id + " is not known at " + site.local()));
    }
}
