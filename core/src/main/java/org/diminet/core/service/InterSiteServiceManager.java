package org.diminet.core.service;

import java.util.List;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.L2Params;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.error.ConflictException;
import org.diminet.core.error.InvalidRequestException;
import org.diminet.core.error.NotFoundException;

/**
 * The North use cases of one site. A create makes this site the master of the new service; a change
 * or delete of a service mastered elsewhere is handed to its master.
 */
public final class InterSiteServiceManager {
    private final SiteContext site;
    private final StrategyRegistry strategies;
    private final EastWestHandler eastWest;

    public InterSiteServiceManager(SiteContext site, StrategyRegistry strategies, EastWestHandler eastWest) {
        this.site = site;
        this.strategies = strategies;
        this.eastWest = eastWest;
    }

    public Region localRegion() {
        return site.local();
    }

    /** This site's view of all its services. */
    public List<InterSiteService> list() {
        return site.store().list();
    }

    public InterSiteService get(GlobalId id) {
        return site.store().find(id).orElseThrow(() -> notFound(id));
    }

    public InterSiteService create(NewService request) {
        NewService.checkResources(request.resources(), site.local(), site.peers().knownRegions());
        ServiceStrategy strategy = strategies.forType(request.type());
        strategy.checkResources(request.resources(), site);
        GlobalId id = GlobalId.random();
        return site.phases().timed(id, "create-total", () -> strategy.create(site, id, request));
    }

    /** Makes the service's sites match {@code desired}; forwarded to the master if that is not us. */
    public InterSiteService update(GlobalId id, List<Resource> desired) {
        InterSiteService current = get(id);
        if (!current.isMasteredBy(site.local())) {
            return site.peers().forwardUpdate(current.master(), id, desired);
        }
        return site.locks().withLock(id, () -> {
            InterSiteService fresh = activeForChange(id);
            NewService.checkResources(desired, site.local(), site.peers().knownRegions());
            ServiceStrategy strategy = strategies.forType(fresh.type());
            strategy.checkResources(desired, site);
            return site.phases().timed(id, "update-total", () -> strategy.update(site, fresh, desired));
        });
    }

    /**
     * Deletes the service everywhere, or nowhere: every site is asked first whether its part can go
     * (it must answer, and, for L2, its copy of the network must have no machines left).
     */
    public void delete(GlobalId id) {
        InterSiteService current = get(id);
        if (!current.isMasteredBy(site.local())) {
            site.peers().forwardDelete(current.master(), id);
            return;
        }
        site.locks().withLock(id, () -> {
            InterSiteService fresh = get(id);
            ServiceStrategy strategy = strategies.forType(fresh.type());
            List<Region> remotes = MasterSteps.remoteRegions(site, fresh);
            MasterSteps.readParts(site, id, remotes).values().forEach(part -> strategy.checkRemovable(fresh, part));
            site.store().update(fresh.withState(ServiceState.DELETING, site.now()));
            MasterSteps.deleteParts(site, id, remotes);
            strategy.deleteLocal(site, fresh);
            site.store().delete(id);
        });
    }

    /**
     * Gets one more allocation pool for this site's part of an L2 extension: from the master's ledger,
     * asking the master if it is another site.
     */
    public InterSiteService requestPool(GlobalId id) {
        InterSiteService current = get(id);
        if (!(current.params() instanceof L2Params)) {
            throw new InvalidRequestException("global_id", "service " + id + " is " + current.type()
                    + "; only L2 extensions have allocation pools");
        }
        IpRange pool = current.isMasteredBy(site.local())
                ? eastWest.allocatePool(id, site.local())
                : site.peers().requestPool(current.master(), id, site.local());
        return eastWest.addPools(id, List.of(pool));
    }

    private InterSiteService activeForChange(GlobalId id) {
        InterSiteService service = get(id);
        if (service.state() != ServiceState.ACTIVE) {
            throw new ConflictException("service-busy", "service " + id + " is " + service.state()
                    + " at " + site.local() + "; try again when it is ACTIVE");
        }
        return service;
    }

    private NotFoundException notFound(GlobalId id) {
        return new NotFoundException("service-not-found", "service " + id + " is not known at " + site.local());
    }
}
