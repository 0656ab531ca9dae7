package org.diminet.core.service;

import java.util.List;
import java.util.Optional;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.L2Params;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.OperationKind;
import org.diminet.core.operation.OperationPhase;
import org.diminet.core.operation.SiteLocks;
import org.diminet.core.operation.Step;
import org.diminet.core.operation.StepAction;
import org.diminet.core.peer.UpdatePartRequest;

/**
 * Runs one step: the East-West call or the local VIM or data-plane change it stands for. Every action
 * may be run again after a crash or a lost answer; what makes that safe is on the receiving side
 * (a repeated create answers the part that is there, a delete of what is gone succeeds, a pool grant
 * is looked up by the step's key).
 */
final class StepRunner {
    private final SiteContext site;
    private final StrategyRegistry strategies;

    StepRunner(SiteContext site, StrategyRegistry strategies) {
        this.site = site;
        this.strategies = strategies;
    }

    /**
     * @param type      the service's type, for the phase timers; empty when its row is gone already
     * @param firstTry  the step has never run before: the request that stored its operation runs it, and
     *                  no attempt of it was recorded (a crash or a lost answer leaves {@code false})
     */
    StepResult run(Operation op, Optional<ServiceType> type, Step step, boolean firstTry) {
        try {
            return site.phases().timedStep(op.service(), type, step.action().name().toLowerCase(), step.site(),
                    () -> execute(op, step, firstTry));
        } catch (RuntimeException e) {
            return new StepResult.Failed(e);
        }
    }

    /** The key under which the master records a pool it grants for this step. */
    static String grantKey(Operation op, Step step) {
        return op.id() + "/" + step.id();
    }

    private StepResult execute(Operation op, Step step, boolean firstTry) {
        return switch (step.action()) {
            case CREATE_PART -> {
                InterSiteService row = row(op);
                ServiceStrategy strategy = strategies.forType(row.type());
                yield done(site.peers().createPart(step.site(), strategy.partRequest(site, row, op, step.site())));
            }
            case READ_PART, CHECK_PART -> done(site.peers().readPart(step.site(), op.service()));
            case DELETE_PART -> {
                site.peers().deletePart(step.site(), op.service(), Optional.empty());
                yield StepResult.Done.empty();
            }
            case UNDO_PART -> {
                site.peers().deletePart(step.site(), op.service(), Optional.of(op.id()));
                yield StepResult.Done.empty();
            }
            case SYNC_PART -> sync(op, step);
            case REQUEST_POOL -> {
                IpRange pool = site.peers().requestPool(step.site(), op.service(), site.local(), grantKey(op, step));
                yield new StepResult.Done(Optional.empty(), Optional.of(pool));
            }
            case LOCAL_POOLS -> {
                InterSiteService row = row(op);
                if (row.params() instanceof L2Params l2) {
                    site.vim().updateAllocationPools(l2.localSubnetId(), l2.localPools());
                }
                yield StepResult.Done.empty();
            }
            case LOCAL_WIRE -> wire(op, firstTry);
            case LOCAL_ADD_POOL -> addPool(op, step);
            case LOCAL_REMOVE -> removeLocal(op);
        };
    }

    private StepResult sync(Operation op, Step step) {
        Optional<InterSiteService> row = site.store().find(op.service());
        if (row.isEmpty() || !row.get().regions().contains(step.site())) {
            return new StepResult.Skipped("the site is no longer in the service");
        }
        site.peers().updatePart(step.site(), op.service(), new UpdatePartRequest(row.get().resources(), List.of()));
        return StepResult.Done.empty();
    }

    /**
     * Connects the local network to the sites the service is to have (or, when the operation is being
     * revoked, had before), after what the strategy reads first ({@link ServiceStrategy#beforeLocalWire}).
     * The VIM and data-plane calls run outside any lock; their result is stored with the step's. A crash
     * before that leaves the attachment unrecorded, which the next attempt (not a first try) clears.
     */
    private StepResult wire(Operation op, boolean firstTry) {
        InterSiteService row = row(op);
        List<Resource> target = op.phase() == OperationPhase.REVERTING ? op.before() : op.after();
        InterSiteService prepared = strategies.forType(row.type()).beforeLocalWire(site, row, op);
        // On a first try nothing can have been attached for this operation's new service: no leftover search.
        InterSiteService wired = DataPlaneWiring.wire(site, prepared.withResources(target, site.now()),
                !(firstTry && op.kind() == OperationKind.CREATE));
        return StepResult.Done.changing(stored -> {
            // Only what the strategy read: the row's other params (an L2 ledger) may have moved meanwhile.
            InterSiteService fresh = prepared == row ? stored : stored.withParams(prepared.params(), site.now());
            return fresh.withDataPlane(wired.connections(), wired.attachment(), site.now());
        });
    }

    private StepResult removeLocal(Operation op) {
        Optional<InterSiteService> row = site.store().find(op.service());
        if (row.isEmpty()) {
            return new StepResult.Skipped("the service is gone here already");
        }
        strategies.forType(row.get().type()).removeLocal(site, row.get());
        site.locks().withLock(SiteLocks.service(op.service()), () -> site.store().find(op.service()).ifPresent(fresh ->
                site.store().update(fresh.withDataPlane(List.of(), Optional.empty(), site.now()))));
        return StepResult.Done.empty();
    }

    private StepResult addPool(Operation op, Step step) {
        IpRange pool = step.pool().or(() -> op.stepsOf(StepAction.REQUEST_POOL).stream()
                        .flatMap(s -> s.pool().stream()).findFirst())
                .orElseThrow(() -> new IllegalStateException("operation " + op.id() + " has no granted pool to add"));
        site.locks().withLock(SiteLocks.service(op.service()), () -> {
            InterSiteService row = row(op);
            site.store().update(strategies.forType(row.type()).withLocalPool(site, row, pool));
        });
        return new StepResult.Done(Optional.empty(), Optional.of(pool));
    }

    private static StepResult done(org.diminet.core.peer.PartReply reply) {
        return new StepResult.Done(Optional.of(reply), Optional.empty());
    }

    private InterSiteService row(Operation op) {
        return site.store().find(op.service()).orElseThrow(() -> new IllegalStateException(
                "service " + op.service() + " of operation " + op.id() + " is not stored at " + site.local()));
    }
}
