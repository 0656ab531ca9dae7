package org.diminet.server.inprocess;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.diminet.core.domain.Caller;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.error.ConflictException;
import org.diminet.core.domain.error.DiminetException;
import org.diminet.core.domain.error.InvalidRequestException;
import org.diminet.core.domain.error.NotFoundException;
import org.diminet.core.domain.error.PeerException;
import org.diminet.core.peer.CreatePartRequest;
import org.diminet.core.peer.PartReply;
import org.diminet.core.peer.Peers;
import org.diminet.core.peer.UpdatePartRequest;

/**
 * Peers reached by direct calls instead of HTTP, with the same failure semantics as the HTTP client
 * (a peer's error becomes a REFUSED PeerException with the status the web layer would give), plus
 * faults a network produces: a site that is down, and an answer lost after the site did the work.
 */
final class InProcessPeers implements Peers {
    private final Region self;
    private final Map<Region, InProcessSites.Site> sites;
    private final Set<Region> down = ConcurrentHashMap.newKeySet();
    private final Set<Region> loseNextCreateAnswer = ConcurrentHashMap.newKeySet();
    private final Set<Region> loseNextPoolAnswer = ConcurrentHashMap.newKeySet();

    InProcessPeers(Region self, Map<Region, InProcessSites.Site> sites) {
        this.self = self;
        this.sites = sites;
    }

    void down(Region region) {
        down.add(region);
    }

    void up(Region region) {
        down.remove(region);
    }

    /** The next pool grant asked of {@code master} is made there, but its answer never arrives. */
    void loseNextPoolAnswer(Region master) {
        loseNextPoolAnswer.add(master);
    }

    /** The next create at {@code region} is carried out there, but its answer never arrives. */
    void loseNextCreateAnswer(Region region) {
        loseNextCreateAnswer.add(region);
    }

    @Override
    public Set<Region> knownRegions() {
        return sites.keySet().stream().filter(r -> !r.equals(self)).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public PartReply createPart(Region site, CreatePartRequest request) {
        PartReply reply = call(site, () -> sites.get(site).eastWest().createPart(self, request));
        if (loseNextCreateAnswer.remove(site)) {
            throw PeerException.timeout(site);
        }
        return reply;
    }

    @Override
    public PartReply readPart(Region site, GlobalId id) {
        return call(site, () -> sites.get(site).eastWest().readPart(self, id));
    }

    @Override
    public PartReply updatePart(Region site, GlobalId id, UpdatePartRequest request) {
        return call(site, () -> sites.get(site).eastWest().updatePart(self, id, request));
    }

    @Override
    public void deletePart(Region site, GlobalId id, Optional<UUID> abandonedOperation) {
        call(site, () -> {
            sites.get(site).eastWest().deletePart(self, id, abandonedOperation);
            return null;
        });
    }

    @Override
    public IpRange requestPool(Region master, GlobalId id, Region requester, String key) {
        IpRange granted = call(master, () -> sites.get(master).eastWest().allocatePool(self, id, requester, key));
        if (loseNextPoolAnswer.remove(master)) {
            throw PeerException.timeout(master);
        }
        return granted;
    }

    @Override
    public org.diminet.core.peer.Standing standing(Region master, GlobalId id, Region region) {
        return call(master, () -> sites.get(master).eastWest().standing(self, id, region));
    }

    @Override
    public java.time.Duration ping(Region site) {
        return call(site, () -> java.time.Duration.ZERO);
    }

    @Override
    public InterSiteService forwardUpdate(Region master, GlobalId id, List<Resource> resources, Caller caller) {
        return call(master, () -> sites.get(master).manager().update(caller, id, resources).service());
    }

    @Override
    public Optional<InterSiteService> forwardDelete(Region master, GlobalId id, Caller caller) {
        return call(master, () -> sites.get(master).manager().delete(caller, id).map(s -> s.service()));
    }

    @Override
    public List<org.diminet.core.vim.NetworkSummary> networksAt(Region site, Caller caller) {
        return call(site, () -> sites.get(site).manager().networksAt(caller, site));
    }

    private <T> T call(Region site, Supplier<T> work) {
        if (down.contains(site)) {
            throw PeerException.notSent(site, "connection refused (site down)");
        }
        try {
            return work.get();
        } catch (DiminetException e) {
            int status = switch (e) {
                case InvalidRequestException ignored -> 400;
                case NotFoundException ignored -> 404;
                case ConflictException ignored -> 409;
                default -> 502;
            };
            throw new PeerException(site, PeerException.Kind.REFUSED, status, e.problemType(), e.getMessage());
        }
    }
}
