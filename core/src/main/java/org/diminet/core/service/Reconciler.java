package org.diminet.core.service;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.L2Params;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.error.PeerException;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.SiteLocks;
import org.diminet.core.peer.Standing;

/**
 * Drives whatever is not yet in its desired state, on start and on a timer: every open operation
 * (one a crash interrupted, clean-up steps waiting for a site, a revoked create still being undone)
 * is taken up by whichever process of the site gets its lock first. When a peer answers again, what
 * waits for it is retried at once, and this site asks that peer, for each service it masters, whether
 * this site's part is still wanted (a site back from a partition drops parts the master removed
 * meanwhile and takes the pools the master's ledger gives it).
 */
public final class Reconciler implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Reconciler.class.getName());

    private static final int PAGE = 100;

    private final SiteContext site;
    private final StrategyRegistry strategies;
    private final OperationExecutor executor;
    private final EastWestHandler eastWest;
    private final PeerHealth health;
    private final MasterAudit audit;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1,
            Thread.ofVirtual().name("diminet-reconciler").factory());

    public Reconciler(SiteContext site, StrategyRegistry strategies, OperationExecutor executor,
                      EastWestHandler eastWest, PeerHealth health) {
        this.site = site;
        this.strategies = strategies;
        this.executor = executor;
        this.eastWest = eastWest;
        this.health = health;
        this.audit = new MasterAudit(site, executor);
    }

    /** Starts the timers; the first pass runs at once, and asks every master about this site's parts. */
    public Reconciler start() {
        OperationSettings settings = executor.settings();
        timer.execute(() -> guarded("start", () -> {
            driveOpen();
            checkPartsWhere(s -> !s.isMasteredBy(site.local()));
        }));
        timer.scheduleWithFixedDelay(() -> guarded("pass", this::driveOpen),
                settings.reconcileInterval().toMillis(), settings.reconcileInterval().toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> guarded("probe", () -> health.probeDue(settings.probeInterval(), this::peerCameBack)),
                0, settings.probeInterval().toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> guarded("audit", audit::run), settings.auditInterval().toMillis(),
                settings.auditInterval().toMillis(), TimeUnit.MILLISECONDS);
        // Finished operations are kept a day for the record, then forgotten, so the journal does not
        // grow with every change ever made.
        timer.scheduleWithFixedDelay(() -> guarded("prune", () -> site.journal()
                .deleteFinishedBefore(site.now().minus(java.time.Duration.ofDays(1)))), 1, 60, TimeUnit.MINUTES);
        return this;
    }

    /** One pass over the open operations: each is driven by this process unless another drives it. */
    public void driveOpen() {
        Instant now = site.now();
        List<Operation> due = site.journal().listOpen().stream()
                .filter(op -> op.pending().stream().anyMatch(s -> s.isDue(now)) || op.currentWave().isEmpty()
                        || (op.phase().holdsService() && now.isAfter(op.deadline())))
                .toList();
        // In parallel: one site that does not answer must not hold up the operations of the others.
        site.fanout().call(due, op -> {
            guarded("operation " + op.id(), () -> executor.drive(op.id(), now));
            return true;
        });
    }

    /** One audit of the services this site masters (see {@link MasterAudit}); returns the repairs started. */
    public int audit() {
        return audit.run();
    }

    private void peerCameBack(Region region) {
        LOG.log(Level.INFO, "site {0} answers again; retrying what waits for it", region);
        executor.wake(region);
        timer.execute(() -> guarded("after " + region + " came back", () -> {
            driveOpen();
            checkPartsWhere(s -> s.master().equals(region));
        }));
    }

    /** Checks each matching part with its master, reading the store a page at a time (ten thousand parts fit). */
    private void checkPartsWhere(java.util.function.Predicate<InterSiteService> which) {
        site.store().forEachPaged(Optional.empty(), PAGE, s -> {
            if (which.test(s)) {
                guarded("part check", () -> checkPart(s));
            }
        });
    }

    /**
     * Asks the master whether this site's part of {@code service} is still wanted. A master that no
     * longer has the service, or no longer counts this site, gets the part removed here (unless
     * machines still sit on it: then it is marked FAILED for an operator to see). An L2 part takes the
     * pools the master's ledger gives it.
     */
    void checkPart(InterSiteService service) {
        Standing standing;
        try {
            standing = site.peers().standing(service.master(), service.id(), site.local());
        } catch (PeerException e) {
            if (Failures.partIsGone(e)) {
                standing = new Standing(false, List.of(), List.of());
            } else {
                return; // the master cannot tell now; the part keeps serving as it is
            }
        }
        if (!standing.member()) {
            LOG.log(Level.INFO, "service={0}: the master {1} no longer counts {2} as a site; removing the part here",
                    service.id(), service.master(), site.local());
            try {
                eastWest.deletePart(service.master(), service.id(), Optional.empty()); // on the master's word
            } catch (RuntimeException e) {
                site.locks().withLock(SiteLocks.service(service.id()), () -> site.store().find(service.id())
                        .ifPresent(s -> site.store().update(s.withState(ServiceState.FAILED, site.now()))));
                LOG.log(Level.WARNING, "service={0}: stale part kept at {1}: {2}", service.id(), site.local(), e.getMessage());
            }
            return;
        }
        List<org.diminet.core.domain.IpRange> granted = standing.pools();
        if (service.params() instanceof L2Params l2 && !granted.isEmpty() && !l2.localPools().equals(granted)) {
            site.locks().withLock(SiteLocks.service(service.id()), () -> site.store().find(service.id()).ifPresent(s -> {
                L2Params params = (L2Params) s.params();
                site.vim().updateAllocationPools(params.localSubnetId(), granted);
                site.store().update(s.withParams(params.withLocalPools(granted), site.now()));
            }));
        }
    }

    private void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reconciler: {0} failed: {1}", what, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
