package org.diminet.core.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.diminet.core.domain.Caller;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.L2Params;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.error.ConflictException;
import org.diminet.core.domain.error.InvalidRequestException;
import org.diminet.core.domain.error.NotFoundException;
import org.diminet.core.domain.error.PeerException;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.OperationKind;
import org.diminet.core.operation.OperationPhase;
import org.diminet.core.operation.SiteLocks;
import org.diminet.core.operation.Step;
import org.diminet.core.operation.StepAction;
import org.diminet.core.vim.NetworkSummary;

/**
 * The North use cases of one site. A create makes this site the master of the new service; a change
 * or delete of a service mastered elsewhere is handed to its master. Every change is stored as an
 * operation together with the service row it changes, then driven by the {@link OperationExecutor}
 * while the user waits; whatever is left when the answer goes out is driven on by the {@link Reconciler}.
 * What it does or refuses as master is told once, as one line of {@link ServiceEvents}.
 */
public final class InterSiteServiceManager {
    private final SiteContext site;
    private final StrategyRegistry strategies;
    private final OperationExecutor executor;
    private final ServiceEvents events;

    public InterSiteServiceManager(SiteContext site, StrategyRegistry strategies, OperationExecutor executor) {
        this.site = site;
        this.strategies = strategies;
        this.executor = executor;
        this.events = new ServiceEvents(site.local());
    }

    public Region localRegion() {
        return site.local();
    }

    /**
     * This site's view of the caller's services (an admin's: all), oldest first, each with what is still
     * pending for it, handed out one at a time as the store is read a page at a time, so that an answer of
     * ten thousand services can be written as it is read instead of built in memory first.
     */
    public void forEach(Caller caller, java.util.function.Consumer<ServiceStatus> each) {
        Map<GlobalId, List<Operation>> open = openByService();
        site.store().forEachPaged(caller.admin() ? Optional.empty() : Optional.of(caller.project()), READ_PAGE, s -> {
            if (caller.mayUse(s)) {
                each.accept(ServiceStatus.of(s, open.getOrDefault(s.id(), List.of())));
            }
        });
    }

    private Map<GlobalId, List<Operation>> openByService() {
        return site.journal().listOpen().stream().collect(Collectors.groupingBy(Operation::service));
    }

    private static final int READ_PAGE = 100;

    /** The most a page may hold; a larger {@code limit} is refused rather than quietly cut. */
    public static final int MAX_PAGE = 1000;

    /**
     * One page of {@link #forEach}'s list: at most {@code limit} services after {@code marker} (the previous page's
     * last global id), read page by page from the store.
     */
    public List<ServiceStatus> list(Caller caller, Optional<GlobalId> marker, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + MAX_PAGE + ", not " + limit);
        }
        Optional<InterSiteService> after = marker.map(id -> site.store().find(id).filter(caller::mayUse)
                .orElseThrow(() -> new InvalidRequestException("marker", "marker " + id
                        + " is not a service of yours at this site (give the last global_id of the previous page)")));
        List<InterSiteService> page = site.store().page(caller.admin() ? Optional.empty() : Optional.of(caller.project()),
                after, limit);
        Map<GlobalId, List<Operation>> open = openByService();
        return page.stream().map(s -> ServiceStatus.of(s, open.getOrDefault(s.id(), List.of()))).toList();
    }

    /**
     * The service's operations this site keeps (open, and finished within the last day), oldest first, with
     * every step: where it ran, how it ended, how often it was tried and how long its last attempt took.
     */
    public List<Operation> operations(Caller caller, GlobalId id) {
        find(caller, id);
        return site.journal().allFor(id);
    }

    public ServiceStatus get(Caller caller, GlobalId id) {
        return ServiceStatus.of(find(caller, id), site.journal().openFor(id));
    }

    /**
     * The networks the caller may name at {@code region}: this site's from its VIM, a peer's asked of that
     * peer with the caller's own credential, so the peer decides itself what the caller may see. Read-only;
     * for people picking the networks of a new service.
     */
    public List<NetworkSummary> networksAt(Caller caller, Region region) {
        if (region.equals(site.local())) {
            return LocalNetworks.usableBy(site, caller);
        }
        if (!site.peers().knownRegions().contains(region)) {
            throw new InvalidRequestException("region", "region " + region + " is unknown here; known regions: "
                    + site.local() + " and its peers " + site.peers().knownRegions());
        }
        return site.peers().networksAt(region, caller);
    }

    /** Creates the service in {@code request}'s project, which the caller has already been allowed to act for. */
    public ServiceStatus create(NewService request) {
        try {
            ServiceStatus created = createAsMaster(request);
            events.created(created.service());
            return created;
        } catch (RuntimeException e) {
            events.refused("create " + request.type() + " service \"" + request.name() + "\"", e);
            throw e;
        }
    }

    private ServiceStatus createAsMaster(NewService request) {
        NewService.checkResources(request.resources(), site.local(), site.peers().knownRegions());
        ServiceStrategy strategy = strategies.forType(request.type());
        strategy.checkResources(request.resources(), site);
        GlobalId id = GlobalId.random();
        return site.phases().timed(id, request.type(), "create-total", () -> {
            Plan plan = strategy.planCreate(site, id, request);
            Instant now = site.now();
            Operation op = Operation.start(id, OperationKind.CREATE, List.of(), plan.after(), plan.steps(), now,
                    now.plus(executor.settings().deadline()));
            Operation end = runPlanned(id, now.plus(executor.settings().deadline()).plus(executor.settings().answerWait()),
                    true, () -> new Start(op, () -> {
                        site.store().insert(plan.row());
                        site.journal().insert(op);
                    }));
            if (end.phase() == OperationPhase.COMMITTED) {
                // The other sites learn the final resource list (their peers' network ids) after the answer.
                site.fanout().background(() -> executor.drive(op.id(), site.now().plus(executor.settings().answerWait())));
            }
            requireNotRevoked(end);
            return status(id);
        });
    }

    /** Makes the service's sites match {@code desired}; forwarded to the master if that is not us. */
    public ServiceStatus update(Caller caller, GlobalId id, List<Resource> desired) {
        InterSiteService current = find(caller, id);
        if (!current.isMasteredBy(site.local())) {
            return ServiceStatus.of(site.peers().forwardUpdate(current.master(), id, desired, caller), List.of());
        }
        try {
            return updateAsMaster(current, desired);
        } catch (RuntimeException e) {
            events.refused("change " + ServiceEvents.describe(current), e);
            throw e;
        }
    }

    private ServiceStatus updateAsMaster(InterSiteService current, List<Resource> desired) {
        GlobalId id = current.id();
        NewService.checkResources(desired, site.local(), site.peers().knownRegions());
        ServiceStrategy strategy = strategies.forType(current.type());
        strategy.checkResources(desired, site);
        return site.phases().timed(id, current.type(), "update-total", () -> {
            Instant now = site.now();
            Instant deadline = now.plus(executor.settings().deadline());
            Operation end = runPlanned(id, deadline.plus(executor.settings().answerWait()), false, () -> {
                InterSiteService fresh = find(id);
                requireIdle(fresh);
                ResourceChange change = ResourceChange.between(site.local(), fresh.resources(), desired);
                if (change.isEmpty()) {
                    return null;
                }
                requireNoCleanupAt(fresh, change.added());
                Plan plan = strategy.planUpdate(site, fresh, change);
                Operation op = Operation.start(id, OperationKind.UPDATE, fresh.resources(), plan.after(), plan.steps(),
                        now, deadline);
                return new Start(op, () -> {
                    site.store().update(plan.row().withState(ServiceState.UPDATING, now));
                    site.journal().insert(op);
                });
            });
            if (end == null) {
                return status(id);
            }
            requireNotRevoked(end);
            ServiceStatus changed = status(id);
            events.changed(changed.service());
            return changed;
        });
    }

    /**
     * Deletes the service everywhere. Every site must first let its part go (L2: no machines on it); a
     * site that cannot be reached is not waited for: its removal stays in the outbox, and the answer is
     * empty when everything is gone or the service, DELETING, with what is still pending.
     */
    public Optional<ServiceStatus> delete(Caller caller, GlobalId id) {
        InterSiteService current = find(caller, id);
        if (!current.isMasteredBy(site.local())) {
            return site.peers().forwardDelete(current.master(), id, caller).map(s -> ServiceStatus.of(s, List.of()));
        }
        try {
            Optional<ServiceStatus> left = site.phases().timed(id, current.type(), "delete-total", () -> deleteAsMaster(id));
            events.deleted(current, left);
            return left;
        } catch (RuntimeException e) {
            events.refused("delete " + ServiceEvents.describe(current), e);
            throw e;
        }
    }

    private Optional<ServiceStatus> deleteAsMaster(GlobalId id) {
        Instant until = site.now().plus(executor.settings().answerWait());
        Optional<Operation> running = site.journal().openFor(id).stream()
                .filter(op -> op.kind() == OperationKind.DELETE && op.phase() == OperationPhase.RUNNING).findFirst();
        Operation end = running.isPresent() ? executor.drive(running.get().id(), until)
                : runPlanned(id, until, false, () -> {
                    InterSiteService fresh = find(id);
                    requireIdle(fresh);
                    ServiceStrategy strategy = strategies.forType(fresh.type());
                    List<Step> steps = strategy.planDelete(site, fresh);
                    Instant now = site.now();
                    Operation op = Operation.start(id, OperationKind.DELETE, fresh.resources(), List.of(), steps, now,
                            now.plus(executor.settings().deadline()));
                    return new Start(op, () -> {
                        site.store().update(fresh.withState(ServiceState.DELETING, now));
                        site.journal().insert(op);
                    });
                });
        requireNotRevoked(end);
        return site.store().find(id).map(s -> ServiceStatus.of(s, site.journal().openFor(id)));
    }

    /**
     * Gets one more allocation pool for this site's part of an L2 extension: from the master's ledger,
     * asking the master if it is another site. The grant is recorded at the master under this request's
     * key, so a lost answer is asked again and gets the same pool; while the master cannot be reached
     * the request stays queued and the existing pools keep working.
     */
    public ServiceStatus requestPool(Caller caller, GlobalId id) {
        InterSiteService current = find(caller, id);
        if (!(current.params() instanceof L2Params)) {
            throw new InvalidRequestException("global_id", "service " + id + " is " + current.type()
                    + "; only L2 extensions have allocation pools");
        }
        Instant until = site.now().plus(executor.settings().answerWait());
        Optional<Operation> queued = site.journal().openFor(id).stream()
                .filter(op -> op.kind() == OperationKind.POOL && op.phase() == OperationPhase.RUNNING).findFirst();
        Operation end = queued.isPresent() ? executor.drive(queued.get().id(), until)
                : runPlanned(id, until, false, () -> planPool(id));
        requireNotRevoked(end);
        Optional<Step> waiting = end.pending().stream().filter(s -> s.action() == StepAction.REQUEST_POOL).findFirst();
        if (waiting.isPresent()) {
            throw PeerException.unreachable(current.master(), "the master " + current.master()
                    + " did not grant a pool (" + waiting.get().lastError().orElse("no answer")
                    + "); the request stays queued and the pool is added when the master answers;"
                    + " the pools this site has keep working");
        }
        return status(id);
    }

    private Start planPool(GlobalId id) {
        InterSiteService fresh = find(id);
        if (fresh.state() != ServiceState.ACTIVE) {
            throw new ConflictException("service-busy", "service " + id + " is " + fresh.state() + " at "
                    + site.local() + "; try again when it is ACTIVE");
        }
        Instant now = site.now();
        ServiceStrategy strategy = strategies.forType(fresh.type());
        if (fresh.isMasteredBy(site.local())) {
            ServiceStrategy.PoolGrant grant = strategy.grantPool(fresh, site.local());
            Step pendingAdd = Step.planned(0, site.local(), StepAction.LOCAL_ADD_POOL, 0).withPool(grant.pool());
            Operation op = Operation.start(id, OperationKind.POOL, fresh.resources(), fresh.resources(),
                    List.of(pendingAdd), now, now.plus(executor.settings().deadline()));
            return new Start(op, () -> {
                site.store().update(grant.row());
                site.journal().insert(op);
            });
        }
        Operation op = Operation.start(id, OperationKind.POOL, fresh.resources(), fresh.resources(), List.of(
                Step.planned(0, fresh.master(), StepAction.REQUEST_POOL, 0),
                Step.planned(1, site.local(), StepAction.LOCAL_ADD_POOL, 1)), now, now.plus(executor.settings().deadline()));
        return new Start(op, () -> site.journal().insert(op));
    }

    /** An operation to store, and the store writes that go with it in one transaction. */
    private record Start(Operation op, Runnable writes) {
    }

    /**
     * Plans under the service's lock, stores the operation with its row in one transaction, and drives
     * it ({@code returnOnCommit}: see {@link OperationExecutor#driveStoredJustNow}).
     * Returns null when the plan found nothing to do.
     */
    private Operation runPlanned(GlobalId id, Instant until, boolean returnOnCommit,
                                 java.util.function.Supplier<Start> planner) {
        Stored stored = site.locks().withLock(SiteLocks.service(id), () -> {
            Start planned = planner.get();
            return planned == null ? null : store(planned);
        });
        if (stored == null) {
            return null;
        }
        try (SiteLocks.Held lock = stored.lock()) {
            return executor.driveStoredJustNow(stored.op().id(), until, returnOnCommit);
        }
    }

    /** A stored operation and its lock, held by this thread from before the operation was visible. */
    private record Stored(Operation op, SiteLocks.Held lock) {
    }

    /**
     * Takes the new operation's lock, then stores it: the reconciler, finding it in the journal, cannot
     * take it over from the user's request that is about to drive it.
     */
    private Stored store(Start start) {
        SiteLocks.Held lock = site.locks().tryLock(SiteLocks.operation(start.op().id())).orElseThrow();
        try {
            site.transactions().inTransaction(start.writes());
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return new Stored(start.op(), lock);
    }

    /** A revoked operation's answer is the reason it was revoked. */
    private void requireNotRevoked(Operation end) {
        if (end.phase() == OperationPhase.REVERTING || end.phase() == OperationPhase.REVERTED) {
            throw Failures.toException(end.failure().orElseThrow(), site.local());
        }
    }

    private void requireIdle(InterSiteService service) {
        for (Operation op : site.journal().openFor(service.id())) {
            if (op.phase().holdsService() && op.kind() != OperationKind.POOL) {
                throw new ConflictException("service-busy", "service " + service.id() + " is " + service.state()
                        + " at " + site.local() + " (operation " + op.id() + " " + op.kind() + " is "
                        + op.phase() + "); try again when it is ACTIVE");
            }
        }
        if (service.state() != ServiceState.ACTIVE) {
            throw new ConflictException("service-busy", "service " + service.id() + " is " + service.state()
                    + " at " + site.local() + "; try again when it is ACTIVE");
        }
    }

    /** A site whose earlier removal has not reached it yet cannot join again until it has. */
    private void requireNoCleanupAt(InterSiteService service, List<Region> joining) {
        for (Operation op : site.journal().openFor(service.id())) {
            for (Step step : op.pending()) {
                if (joining.contains(step.site())
                        && (step.action() == StepAction.DELETE_PART || step.action() == StepAction.UNDO_PART)) {
                    throw new ConflictException("site-cleanup-pending", "site " + step.site() + " has not yet"
                            + " removed its earlier part of service " + service.id() + " ("
                            + step.lastError().orElse("pending") + "); it can join again once it has");
                }
            }
        }
    }

    private ServiceStatus status(GlobalId id) {
        return ServiceStatus.of(find(id), site.journal().openFor(id));
    }

    /** Another project's service is "not found", the way OpenStack hides what a caller may not see. */
    private InterSiteService find(Caller caller, GlobalId id) {
        return site.store().find(id).filter(caller::mayUse).orElseThrow(() ->
                new NotFoundException("service-not-found", "service " + id + " is not known at " + site.local()));
    }

    private InterSiteService find(GlobalId id) {
        return site.store().find(id).orElseThrow(() ->
                new NotFoundException("service-not-found", "service " + id + " is not known at " + site.local()));
    }
}
