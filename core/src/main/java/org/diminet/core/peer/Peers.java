package org.diminet.core.peer;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.diminet.core.domain.Caller;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.vim.NetworkSummary;

/**
 * The other DIMINET instances. Every method blocks until the peer answered or its time limit passed,
 * and fails with {@link org.diminet.core.domain.error.PeerException} naming the region: {@code REFUSED} keeps
 * the peer's own status and problem type, the other kinds say it could not be asked. Callers run
 * calls to several peers in parallel.
 */
public interface Peers {

    /** The regions this site can reach (not including itself). */
    Set<Region> knownRegions();

    PartReply createPart(Region site, CreatePartRequest request);

    PartReply readPart(Region site, GlobalId id);

    PartReply updatePart(Region site, GlobalId id, UpdatePartRequest request);

    /**
     * Deletes the site's part. With {@code abandonedOperation} this is a compensation: the site also
     * remembers the operation so that its create, if still on the way, is refused.
     */
    void deletePart(Region site, GlobalId id, Optional<UUID> abandonedOperation);

    /**
     * Asks the master of an L2 extension for one more pool for {@code requester}; {@code key} names the
     * request (operation and step), so asking again after a lost answer gets the same pool.
     */
    IpRange requestPool(Region master, GlobalId id, Region requester, String key);

    /** Asks the master of a service whether {@code region} is one of its sites, and with which pools. */
    Standing standing(Region master, GlobalId id, Region region);

    /** A cheap call that shows whether the site answers; returns the round-trip time. */
    java.time.Duration ping(Region site);

    /**
     * Hands a user's change to the service's master, with the user's own credential so that the master
     * decides itself what the user may do; answers the service as the master then stores it.
     */
    InterSiteService forwardUpdate(Region master, GlobalId id, List<Resource> resources, Caller caller);

    /**
     * Hands a user's delete to the service's master; answers the service as the master still has it
     * (DELETING) when a site's removal is still on its way, empty when it is gone everywhere.
     */
    Optional<InterSiteService> forwardDelete(Region master, GlobalId id, Caller caller);

    /**
     * The networks {@code caller} may name at {@code site}, asked with the caller's own credential so that
     * the site decides itself what the caller may see (read-only, for people picking networks).
     */
    List<NetworkSummary> networksAt(Region site, Caller caller);
}
