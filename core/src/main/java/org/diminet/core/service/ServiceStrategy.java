package org.diminet.core.service;

import java.util.List;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.Step;
import org.diminet.core.peer.CreatePartRequest;
import org.diminet.core.peer.PartReply;
import org.diminet.core.peer.UpdatePartRequest;

/**
 * How one type of service is built, changed and removed. As master a strategy <em>plans</em>: it
 * reads what it needs, decides (pools, checks) and returns steps; the {@link OperationExecutor} runs
 * them, retries them and undoes them. The part methods run at every other site of the service.
 */
public interface ServiceStrategy {

    ServiceType type();

    /** Type-specific checks of a resource list (e.g. L3 needs a network at every site). */
    void checkResources(List<Resource> resources, SiteContext site);

    /** Master: the row and steps of a new service; nothing is created yet. */
    Plan planCreate(SiteContext site, GlobalId id, NewService request);

    /** Master: the row and steps that make the service's sites match {@code change}. */
    Plan planUpdate(SiteContext site, InterSiteService current, ResourceChange change);

    /** Master: the steps that remove the service from its other sites. */
    List<Step> planDelete(SiteContext site, InterSiteService current);

    /** Master: what {@code region} is asked to create (the same every time it is asked). */
    CreatePartRequest partRequest(SiteContext site, InterSiteService service, Operation operation, Region region);

    /**
     * Master: the checks that only the master can make once a wave of steps is done, from the sites'
     * stored replies (L3: no overlap; L2: no machines on a leaving part). Throws to revoke.
     */
    void checkWave(SiteContext site, InterSiteService service, Operation operation, int wave);

    /**
     * Master: reads what the local part needs just before it is wired, in the step that wires it, and
     * returns the row to store with the wiring. It runs beside the other sites' parts rather than before
     * them (L3: the local network's CIDRs, whose read was on every create's critical path). Throws to
     * refuse the operation; the parts other sites made meanwhile are then undone. The default reads nothing.
     */
    default InterSiteService beforeLocalWire(SiteContext site, InterSiteService row, Operation operation) {
        return row;
    }

    /** Master: the row once {@code region} confirmed its part is gone (L2: its pools return to the ledger). */
    InterSiteService partRemoved(InterSiteService service, Region region);

    /**
     * Master: removes the local part (delete, revoked create). It runs beside the removals at the other
     * sites: once disconnected, the master's addresses cannot clash with a site's that is still on its way.
     */
    void removeLocal(SiteContext site, InterSiteService service);

    /**
     * Master of an L2 extension: takes one more pool from the ledger for {@code requester}; returns the
     * row with the new ledger (not stored yet) and the pool.
     */
    default PoolGrant grantPool(InterSiteService service, Region requester) {
        throw new org.diminet.core.domain.error.InvalidRequestException("global_id", "service " + service.id() + " is "
                + service.type() + "; only L2 extensions have allocation pools");
    }

    /** Adds a pool to this site's subnet, in the VIM and in the returned row (not stored yet). */
    default InterSiteService withLocalPool(SiteContext site, InterSiteService service, org.diminet.core.domain.IpRange pool) {
        throw new org.diminet.core.domain.error.InvalidRequestException("global_id", "service " + service.id() + " is "
                + service.type() + "; only L2 extensions have allocation pools");
    }

    /** A pool taken from the ledger and the row that records it. */
    record PoolGrant(InterSiteService row, org.diminet.core.domain.IpRange pool) {
    }

    /** Site: checks and creates this site's part in one step; resumes a part a crash left half made. */
    PartReply createPart(SiteContext site, CreatePartRequest request);

    /** Site: applies a change the master decided. */
    InterSiteService updatePart(SiteContext site, InterSiteService current, UpdatePartRequest request);

    /**
     * Site: removes this site's part. A {@code compensation} undoes a create that just failed elsewhere
     * and skips the checks that protect users' machines (none can be there yet).
     */
    void deletePart(SiteContext site, InterSiteService current, boolean compensation);

    /** Site: describes this site's part for the master. */
    PartReply describePart(SiteContext site, InterSiteService current);
}
