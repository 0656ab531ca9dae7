package org.diminet.core.service;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.domain.error.DiminetException;
import org.diminet.core.operation.Failure;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.OperationKind;
import org.diminet.core.operation.OperationPhase;
import org.diminet.core.operation.SiteLocks;
import org.diminet.core.operation.Step;
import org.diminet.core.operation.StepAction;
import org.diminet.core.operation.StepStatus;

/**
 * The one place where operations run. It takes the operation's lock (so one executor drives it,
 * whichever process of the site that is), runs the due steps of its current wave in parallel, stores
 * each result with the service row it changes, and moves the operation on:
 * <ul>
 *   <li>a forward step refused by its site, a master-side check that fails, or a site that still does
 *       not answer at the deadline revokes the operation: undo steps are added for whatever may have
 *       been created, and the reason is kept for the user;</li>
 *   <li>when every forward step is done the change is committed (the service is ACTIVE) and clean-up
 *       steps (tell the sites the new resource list, remove leaving sites' parts) remain as an outbox
 *       that is retried until each site answered;</li>
 *   <li>a delete removes the master's own part beside the other sites' ({@code LOCAL_REMOVE}), and the
 *       service row once every site's part is gone.</li>
 * </ul>
 * A driver that finds nothing due before {@code until} returns; the {@link Reconciler} drives the rest.
 */
public final class OperationExecutor {
    private static final Logger LOG = System.getLogger(OperationExecutor.class.getName());

    private final SiteContext site;
    private final StrategyRegistry strategies;
    private final OperationSettings settings;
    private final StepRunner runner;

    public OperationExecutor(SiteContext site, StrategyRegistry strategies, OperationSettings settings) {
        this.site = site;
        this.strategies = strategies;
        this.settings = settings;
        this.runner = new StepRunner(site, strategies);
    }

    public OperationSettings settings() {
        return settings;
    }

    /**
     * Drives the operation if nobody else does; otherwise waits (until {@code until}) for whoever does.
     * Returns the operation as it stands when this call stops.
     */
    public Operation drive(UUID id, Instant until) {
        Optional<SiteLocks.Held> held = site.locks().tryLock(SiteLocks.operation(id));
        if (held.isEmpty()) {
            return awaitOther(id, until);
        }
        try (SiteLocks.Held lock = held.get()) {
            return driveHeld(id, until);
        }
    }

    /** Drives an operation whose lock the caller already holds. */
    public Operation driveHeld(UUID id, Instant until) {
        return driveHeld(id, until, false, false);
    }

    /**
     * As {@link #driveHeld(UUID, Instant)}, by the request that stored the operation just now: a step it runs
     * for the first time cannot have run before (no crash, no lost answer), which spares the VIM the search
     * for what an earlier attempt may have left. With {@code returnOnCommit} it stops once the change took
     * effect and leaves the clean-up steps (telling sites the final resource list) to the background, so a
     * user's create costs one round of East-West calls, not two.
     */
    public Operation driveStoredJustNow(UUID id, Instant until, boolean returnOnCommit) {
        return driveHeld(id, until, returnOnCommit, true);
    }

    private Operation driveHeld(UUID id, Instant until, boolean returnOnCommit, boolean storedJustNow) {
        while (true) {
            Operation op = find(id);
            if (!op.phase().isOpen() || (returnOnCommit && op.phase() == OperationPhase.COMMITTED)) {
                return op;
            }
            OptionalInt wave = op.currentWave();
            if (wave.isEmpty()) {
                try {
                    if (!advance(op)) {
                        return find(id);
                    }
                } catch (RuntimeException e) {
                    // e.g. the local VIM fails while the local part is removed: the reconciler tries again.
                    LOG.log(Level.WARNING, "service={0} operation={1}: could not finish {2} ({3}); will retry: {4}",
                            op.service(), op.id(), op.kind(), op.phase(), e.getMessage());
                    return find(id);
                }
                continue;
            }
            Instant now = site.now();
            Optional<Step> late = lateForwardStep(op, wave.getAsInt(), now);
            if (late.isPresent()) {
                revoke(op, failureOfLate(late.get()));
                continue;
            }
            List<Step> due = op.pendingIn(wave.getAsInt()).stream().filter(s -> s.isDue(now)).toList();
            if (due.isEmpty()) {
                Instant next = op.pendingIn(wave.getAsInt()).stream()
                        .map(s -> s.nextAttempt().orElse(now)).min(Instant::compareTo).orElse(now);
                if (op.phase() == OperationPhase.RUNNING && next.isAfter(op.deadline())
                        && !forwardStepsOf(op.pendingIn(wave.getAsInt())).isEmpty()) {
                    next = op.deadline().plusMillis(1);
                }
                if (next.isAfter(until)) {
                    return op;
                }
                sleepUntil(next);
                continue;
            }
            runSteps(op, due, storedJustNow);
            op = find(id);
            if (op.phase() == OperationPhase.RUNNING) {
                Optional<Step> refused = op.firstRefused();
                if (refused.isPresent()) {
                    revoke(op, failureOfRefused(refused.get()));
                    continue;
                }
                if (op.pendingIn(wave.getAsInt()).isEmpty()) {
                    checkWave(op, wave.getAsInt());
                }
            }
        }
    }

    /** Makes every waiting step at {@code region} due now, e.g. because that site answers again. */
    public void wake(Region region) {
        for (Operation op : site.journal().listOpen()) {
            if (op.pending().stream().anyMatch(s -> s.site().equals(region) && s.nextAttempt().isPresent())) {
                site.locks().tryLock(SiteLocks.operation(op.id())).ifPresent(lock -> {
                    try (lock) {
                        site.journal().update(find(op.id()).dueNowAt(region, site.now()));
                    }
                });
            }
        }
    }

    // --- running steps ---------------------------------------------------------------------------

    private void runSteps(Operation op, List<Step> due, boolean storedJustNow) {
        Map<Step, StepResult> results = new LinkedHashMap<>();
        Map<Step, Long> took = new java.util.concurrent.ConcurrentHashMap<>();
        Optional<ServiceType> type = site.store().find(op.service()).map(InterSiteService::type);
        long started = System.nanoTime();
        // Each step gets at most the operation deadline's length: a local VIM that hangs fails the step.
        site.fanout().call(due, step -> {
                    long start = System.nanoTime();
                    try {
                        return runner.run(op, type, step, storedJustNow && step.attempts() == 0);
                    } finally {
                        took.put(step, (System.nanoTime() - start) / 1_000_000);
                    }
                }, settings.deadline())
                .forEach((step, outcome) -> results.put(step, switch (outcome) {
                    case Outcome.Ok<StepResult> ok -> ok.value();
                    case Outcome.Failed<StepResult> failed -> new StepResult.Failed(failed.error());
                }));
        long wave = (System.nanoTime() - started) / 1_000_000;
        record(op, results, step -> took.getOrDefault(step, wave));
    }

    /**
     * Stores the steps' results, and what they change in the service row (a local step's attachment, a
     * part's pools returning to the ledger), in one transaction.
     */
    private void record(Operation op, Map<Step, StepResult> results, java.util.function.ToLongFunction<Step> took) {
        site.locks().withLock(SiteLocks.service(op.service()), () -> site.transactions().inTransaction(() -> {
            Operation current = find(op.id());
            Optional<InterSiteService> row = site.store().find(current.service());
            InterSiteService changed = row.orElse(null);
            Instant now = site.now();
            for (Map.Entry<Step, StepResult> entry : results.entrySet()) {
                Step step = entry.getKey();
                Step after = outcome(step, entry.getValue(), now).took(took.applyAsLong(step));
                current = current.withStep(after, now);
                if (entry.getValue() instanceof StepResult.Done done && done.rowChange().isPresent() && changed != null) {
                    changed = done.rowChange().get().applyTo(changed);
                }
                if (after.status() == StepStatus.DONE && changed != null
                        && (step.action() == StepAction.DELETE_PART || step.action() == StepAction.UNDO_PART)
                        && !(current.kind() == OperationKind.CREATE)) {
                    changed = strategies.forType(changed.type()).partRemoved(changed, step.site());
                }
                if (after.status() == StepStatus.PENDING) {
                    LOG.log(Level.INFO, "service={0} operation={1}: {2} at {3} failed (attempt {4}), retrying: {5}",
                            current.service(), current.id(), step.action(), step.site(), after.attempts(),
                            after.lastError().orElse(""));
                }
            }
            if (changed != null && row.isPresent() && changed != row.get()) {
                site.store().update(changed);
            }
            site.journal().update(current);
        }));
    }

    private Step outcome(Step step, StepResult result, Instant now) {
        return switch (result) {
            case StepResult.Done done -> step.done(done.reply(), done.pool());
            case StepResult.Skipped skipped -> step.skipped(skipped.why());
            case StepResult.Failed failed -> failedOutcome(step, failed.error(), now);
        };
    }

    private Step failedOutcome(Step step, RuntimeException error, Instant now) {
        String message = describe(step, error);
        Failure why = Failures.of(error, step.site());
        StepAction action = step.action();
        if (Failures.partIsGone(error)) {
            return switch (action) {
                case DELETE_PART, UNDO_PART, CHECK_PART -> step.done(Optional.empty(), Optional.empty());
                case SYNC_PART -> step.skipped(message);
                default -> step.refused(why);
            };
        }
        boolean refusal = Failures.isRefusal(error);
        return switch (action.retry()) {
            case ONCE -> refusal ? step.refused(why) : step.skipped(message);
            case UNTIL_DEADLINE -> refusal ? step.refused(why) : retry(step, error, why, now);
            case FOREVER -> refusal && action == StepAction.REQUEST_POOL ? step.refused(why) : retry(step, error, why, now);
        };
    }

    private Step retry(Step step, RuntimeException error, Failure why, Instant now) {
        boolean mayHaveArrived = !(error instanceof org.diminet.core.domain.error.PeerException p) || p.mayHaveArrived();
        return step.failedAttempt(why, Backoff.next(now, step.attempts() + 1, settings.firstRetry(), settings.maxRetry()),
                mayHaveArrived);
    }

    // --- moving the operation on -----------------------------------------------------------------

    private void checkWave(Operation op, int wave) {
        Optional<InterSiteService> row = site.store().find(op.service());
        if (row.isEmpty()) {
            return;
        }
        try {
            strategies.forType(row.get().type()).checkWave(site, row.get(), op, wave);
        } catch (DiminetException e) {
            revoke(op, Failures.of(e, site.local()));
        }
    }

    /**
     * Every step is finished: commit, finish the delete, or finish the revert. Returns false when the
     * operation must wait for something outside it (a delete waits for the removals of earlier changes
     * to reach their sites).
     */
    private boolean advance(Operation op) {
        switch (op.phase()) {
            case RUNNING -> {
                switch (op.kind()) {
                    case CREATE, UPDATE -> commit(op);
                    case DELETE -> {
                        return finishDelete(op);
                    }
                    case POOL -> site.journal().update(op.withPhase(OperationPhase.DONE, site.now()));
                }
            }
            case COMMITTED -> site.journal().update(op.withPhase(OperationPhase.DONE, site.now()));
            case REVERTING -> finishRevert(op);
            default -> {
            }
        }
        return true;
    }

    private void commit(Operation op) {
        site.locks().withLock(SiteLocks.service(op.service()), () -> site.transactions().inTransaction(() -> {
            Instant now = site.now();
            InterSiteService row = site.store().find(op.service()).orElseThrow();
            List<Resource> resources = withCreatedNetworks(op);
            InterSiteService active = row.withResources(resources, now)
                    .withDataPlane(DataPlaneWiring.connectionsAt(site.local(), row.withResources(resources, now)),
                            row.attachment(), now)
                    .withState(ServiceState.ACTIVE, now);
            site.store().update(active);
            List<Step> cleanup = new ArrayList<>();
            int id = op.nextStepId();
            int wave = op.nextWave();
            Set<Region> staying = new HashSet<>(active.regions());
            for (Resource before : op.before()) {
                if (!staying.contains(before.region())) {
                    cleanup.add(Step.planned(id++, before.region(), StepAction.DELETE_PART, wave));
                }
            }
            for (Region remote : active.regions()) {
                if (!remote.equals(site.local()) && learnsSomethingNew(op, row.resources(), resources, remote)) {
                    cleanup.add(Step.planned(id++, remote, StepAction.SYNC_PART, wave));
                }
            }
            Operation committed = op.withAfter(resources, now).withAddedSteps(cleanup, now)
                    .withPhase(cleanup.isEmpty() ? OperationPhase.DONE : OperationPhase.COMMITTED, now);
            site.journal().update(committed);
        }));
    }

    /**
     * Every site's part is gone (the master's own went beside them, {@code LOCAL_REMOVE}): the row goes,
     * unless an earlier change's removal of a former site is still on its way; the row then stays
     * DELETING, showing that step, until it arrived.
     */
    private boolean finishDelete(Operation op) {
        if (!sitesStillHolding(op).isEmpty()) {
            return false;
        }
        site.locks().withLock(SiteLocks.service(op.service()), () -> site.transactions().inTransaction(() -> {
            site.store().delete(op.service());
            site.journal().update(op.withPhase(OperationPhase.DONE, site.now()));
        }));
        return true;
    }

    /** Every undo step is done (a revoked create's own part went in {@code LOCAL_REMOVE}): the row settles. */
    private void finishRevert(Operation op) {
        site.locks().withLock(SiteLocks.service(op.service()), () -> site.transactions().inTransaction(() -> {
            Instant now = site.now();
            Optional<InterSiteService> fresh = site.store().find(op.service());
            if (op.kind() == OperationKind.CREATE) {
                fresh.ifPresent(s -> site.store().delete(s.id()));
            } else if (op.kind() != OperationKind.POOL) {
                fresh.ifPresent(s -> {
                    // Sites the revoked change was adding hold nothing now: their pools go back.
                    InterSiteService back = s;
                    for (Resource joining : op.after()) {
                        if (s.resourceAt(joining.region()).isEmpty()) {
                            back = strategies.forType(s.type()).partRemoved(back, joining.region());
                        }
                    }
                    site.store().update(back.withState(ServiceState.ACTIVE, now));
                });
            }
            site.journal().update(op.withPhase(OperationPhase.REVERTED, now));
        }));
    }

    /**
     * Revokes a running operation: what may have been created is to be undone (undo steps), and the
     * user is told {@code why}. A delete or a pool request has nothing to undo.
     */
    private void revoke(Operation op, Failure why) {
        LOG.log(Level.INFO, "service={0} operation={1} {2} revoked: {3}", op.service(), op.id(), op.kind(), why.message());
        site.locks().withLock(SiteLocks.service(op.service()), () -> site.transactions().inTransaction(() -> {
            Instant now = site.now();
            Operation current = find(op.id());
            Operation revoked = current.revoked(why, now);
            List<Step> undo = new ArrayList<>();
            int id = revoked.nextStepId();
            int wave = revoked.nextWave();
            for (Step step : current.stepsOf(StepAction.CREATE_PART)) {
                if (step.mayHaveTakenEffect()) {
                    undo.add(Step.planned(id++, step.site(), StepAction.UNDO_PART, wave));
                }
            }
            if (current.kind() == OperationKind.UPDATE && current.stepsOf(StepAction.LOCAL_WIRE).stream()
                    .anyMatch(Step::mayHaveTakenEffect)) {
                undo.add(Step.planned(id, site.local(), StepAction.LOCAL_WIRE, wave + 1));
            }
            if (current.kind() == OperationKind.CREATE) {
                // The master's own part goes at once, beside the undo at the other sites: disconnected, its
                // addresses cannot clash with a site that has not yet heard of the undo.
                undo.add(Step.planned(id, site.local(), StepAction.LOCAL_REMOVE, wave));
            }
            site.journal().update(revoked.withAddedSteps(undo, now));
            site.store().find(current.service()).ifPresent(row -> {
                ServiceState shown = switch (current.kind()) {
                    case CREATE -> ServiceState.FAILED;
                    case UPDATE -> ServiceState.UPDATING;
                    case DELETE, POOL -> ServiceState.ACTIVE;
                };
                if (row.state() != shown && current.kind() != OperationKind.POOL) {
                    site.store().update(row.withState(shown, now));
                }
            });
        }));
    }

    // --- helpers ---------------------------------------------------------------------------------

    /**
     * Whether a site must be told the final resource list. A create's part request carried the list as
     * planned; the site lacks only the networks that other sites created meanwhile (an L2 extension to
     * three or more sites). An L3 create, or an L2 one with a single remote site, needs no second round:
     * it would cost every site an East-West call and two commits for nothing. Updates always tell.
     */
    private static boolean learnsSomethingNew(Operation op, List<Resource> sent, List<Resource> fin, Region remote) {
        if (op.kind() != OperationKind.CREATE) {
            return true;
        }
        return fin.stream().anyMatch(r -> !r.region().equals(remote) && !sent.contains(r));
    }

    /** Sites whose part of the service may still exist because a removal of it is still on its way. */
    private Set<Region> sitesStillHolding(Operation finishing) {
        Set<Region> holding = new HashSet<>();
        for (Operation other : site.journal().openFor(finishing.service())) {
            if (!other.id().equals(finishing.id())) {
                other.pending().stream()
                        .filter(s -> s.action() == StepAction.DELETE_PART || s.action() == StepAction.UNDO_PART)
                        .forEach(s -> holding.add(s.site()));
            }
        }
        return holding;
    }

    private static List<Resource> withCreatedNetworks(Operation op) {
        Map<Region, Resource> created = new LinkedHashMap<>();
        for (Step step : op.stepsOf(StepAction.CREATE_PART)) {
            step.reply().flatMap(r -> r.network()).ifPresent(n -> created.put(step.site(), Resource.of(step.site(), n)));
        }
        return op.after().stream().map(r -> created.getOrDefault(r.region(), r)).toList();
    }

    private Optional<Step> lateForwardStep(Operation op, int wave, Instant now) {
        if (op.phase() != OperationPhase.RUNNING || !now.isAfter(op.deadline())) {
            return Optional.empty();
        }
        return forwardStepsOf(op.pendingIn(wave)).stream().filter(s -> s.attempts() > 0).findFirst();
    }

    private static List<Step> forwardStepsOf(List<Step> steps) {
        return steps.stream().filter(s -> s.action().retry() == StepAction.Retry.UNTIL_DEADLINE).toList();
    }

    /** The last failure of a step that ran out of time, with how long it was tried. */
    private Failure failureOfLate(Step step) {
        String tried = " (gave up after " + step.attempts() + " attempt(s); nothing was left created)";
        if (step.lastFailure().isPresent()) {
            Failure last = step.lastFailure().get();
            return new Failure(last.category(), last.problem(), last.region(), last.status(), last.message() + tried);
        }
        String last = step.lastError().orElse("no answer");
        String category = last.contains("did not answer in time") ? "peer-timeout"
                : step.action().isLocal() ? "vim" : "peer-unreachable";
        return new Failure(category, category, Optional.of(step.site()), 0, last + tried);
    }

    private Failure failureOfRefused(Step step) {
        return step.lastFailure().orElseGet(() -> new Failure("conflict", "refused", Optional.of(step.site()), 409,
                step.lastError().orElse(step.action() + " refused at " + step.site())));
    }

    private static String describe(Step step, RuntimeException error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return message.contains(step.site().name()) ? message : step.site() + ": " + message;
    }

    private Operation awaitOther(UUID id, Instant until) {
        while (true) {
            Operation op = find(id);
            // Settled for the waiting caller once it is no longer running forward (done, or revoked).
            if (op.phase() != OperationPhase.RUNNING || !site.now().isBefore(until)) {
                return op;
            }
            sleepUntil(site.now().plusMillis(50));
        }
    }

    private Operation find(UUID id) {
        return site.journal().find(id).orElseThrow(() -> new IllegalStateException("operation " + id + " is not stored"));
    }

    private void sleepUntil(Instant when) {
        long millis = Duration.between(site.now(), when).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(Math.min(millis, 1_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to retry", e);
            }
        }
    }
}
