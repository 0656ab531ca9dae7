package org.diminet.core.service;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.Region;
import org.diminet.core.error.PeerException;
import org.diminet.core.peer.CreatePartRequest;
import org.diminet.core.peer.PartReply;
import org.diminet.core.peer.UpdatePartRequest;

/**
 * The multi-site steps both strategies take as master: create parts in one parallel round and undo
 * them all if any site fails, read parts, remove parts, and tell sites about a new resource list.
 */
public final class MasterSteps {
    private static final Logger LOG = System.getLogger(MasterSteps.class.getName());
    private static final int PROPAGATION_ATTEMPTS = 5;

    private MasterSteps() {
    }

    /**
     * One parallel round of creates. If any site fails, every targeted site is told to drop its part
     * (also the failed ones: a timed-out site may have finished after we stopped waiting) and the
     * combined failure is thrown.
     */
    public static Map<Region, PartReply> createParts(SiteContext site, GlobalId id, UUID operation,
                                                     Collection<Region> targets,
                                                     Function<Region, CreatePartRequest> requestFor) {
        Map<Region, Outcome<PartReply>> outcomes = site.phases().timed(id, "remote-create",
                () -> site.fanout().call(targets, region -> site.peers().createPart(region, requestFor.apply(region))));
        Map<Region, RuntimeException> failed = FanoutResults.failures(outcomes);
        if (!failed.isEmpty()) {
            compensate(site, id, operation, targets);
            throw FanoutResults.combined(failed);
        }
        return FanoutResults.successes(outcomes);
    }

    /** Tells sites to drop what the given operation created there. Failures are logged, not thrown. */
    public static void compensate(SiteContext site, GlobalId id, UUID operation, Collection<Region> targets) {
        if (targets.isEmpty()) {
            return;
        }
        Map<Region, Outcome<Boolean>> outcomes = site.phases().timed(id, "compensate",
                () -> site.fanout().call(targets, region -> {
                    site.peers().deletePart(region, id, Optional.of(operation));
                    return true;
                }));
        FanoutResults.failures(outcomes).forEach((region, error) -> LOG.log(Level.WARNING,
                "service={0}: could not undo the part at {1}; it will stay until reconciled: {2}",
                id, region, error.getMessage()));
    }

    /**
     * Undoes a master's failed create: the sites that may hold a part drop it, and the master's own row
     * (and with it the network claim) goes.
     */
    public static void abandonCreate(SiteContext site, GlobalId id, UUID operation, Collection<Region> sitesWithParts) {
        compensate(site, id, operation, sitesWithParts);
        site.store().delete(id);
    }

    /**
     * Reads every listed site's part in parallel; throws if any site cannot answer. A site that no
     * longer has the service (an earlier delete got that far) is left out of the answer, so that
     * retrying an interrupted delete can finish.
     */
    public static Map<Region, PartReply> readParts(SiteContext site, GlobalId id, Collection<Region> targets) {
        Map<Region, Outcome<PartReply>> outcomes = site.phases().timed(id, "remote-read",
                () -> site.fanout().call(targets, region -> site.peers().readPart(region, id)));
        Map<Region, RuntimeException> failed = FanoutResults.failures(outcomes);
        failed.values().removeIf(MasterSteps::partIsGone);
        if (!failed.isEmpty()) {
            throw FanoutResults.combined(failed);
        }
        return FanoutResults.successes(outcomes);
    }

    private static boolean partIsGone(RuntimeException error) {
        return error instanceof PeerException p && p.kind() == PeerException.Kind.REFUSED && p.peerStatus() == 404
                && "service-not-found".equals(p.problemType());
    }

    /** Deletes the parts at the listed sites in parallel; throws if any site failed. */
    public static void deleteParts(SiteContext site, GlobalId id, Collection<Region> targets) {
        Map<Region, Outcome<Boolean>> outcomes = site.phases().timed(id, "remote-delete",
                () -> site.fanout().call(targets, region -> {
                    site.peers().deletePart(region, id, Optional.empty());
                    return true;
                }));
        FanoutResults.throwIfAnyFailed(outcomes);
    }

    /**
     * Tells every other site of the service its current resource list, in the background and with a
     * few retries: the sites' data planes already work without it (route targets derive from the
     * global id), so the user need not wait for this second round. Each attempt reads the list from
     * the store under the service's lock, so an older list can never overtake a newer one.
     */
    public static void propagateResources(SiteContext site, InterSiteService service, List<Region> targets) {
        if (targets.isEmpty()) {
            return;
        }
        GlobalId id = service.id();
        site.fanout().background(() -> {
            List<Region> pending = targets;
            for (int attempt = 1; attempt <= PROPAGATION_ATTEMPTS && !pending.isEmpty(); attempt++) {
                if (attempt > 1) {
                    sleep(200L << attempt);
                }
                List<Region> sending = pending;
                pending = site.locks().withLock(id, () -> site.store().find(id)
                        .map(current -> {
                            UpdatePartRequest update = new UpdatePartRequest(current.resources(), List.of());
                            List<Region> stillIn = sending.stream().filter(current.regions()::contains).toList();
                            return FanoutResults.regions(FanoutResults.failures(site.fanout().call(stillIn,
                                    region -> site.peers().updatePart(region, id, update))));
                        })
                        .orElse(List.of()));
            }
            if (!pending.isEmpty()) {
                LOG.log(Level.WARNING, "service={0}: sites {1} did not take the new resource list", id, pending);
            }
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static List<Region> remoteRegions(SiteContext site, InterSiteService service) {
        return service.regions().stream().filter(r -> !r.equals(site.local())).toList();
    }
}
