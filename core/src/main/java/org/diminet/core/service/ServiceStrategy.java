package org.diminet.core.service;

import java.util.List;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.peer.CreatePartRequest;
import org.diminet.core.peer.PartReply;
import org.diminet.core.peer.UpdatePartRequest;

/**
 * How one type of service is built, changed and removed. The master-side methods run at the site that
 * received the user's request; the part methods run at every other site of the service.
 */
public interface ServiceStrategy {

    ServiceType type();

    /** Type-specific checks of a resource list (e.g. L3 needs a network at every site). */
    void checkResources(List<Resource> resources, SiteContext site);

    /** Master: creates the service at every site, or nothing anywhere. */
    InterSiteService create(SiteContext site, GlobalId id, NewService request);

    /** Master: makes the service's sites match {@code desired}. */
    InterSiteService update(SiteContext site, InterSiteService current, List<Resource> desired);

    /**
     * Master: refuses (by throwing) when a site's part may not be removed, judged from what the site
     * reported, e.g. an extended network that still has machines on it.
     */
    void checkRemovable(InterSiteService service, PartReply part);

    /** Master: undoes the local part when the whole service is deleted (the remote parts are gone). */
    void deleteLocal(SiteContext site, InterSiteService service);

    /** Site: checks and creates this site's part in one step. */
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
