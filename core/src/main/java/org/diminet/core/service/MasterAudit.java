package org.diminet.core.service;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.L2Params;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.OperationKind;
import org.diminet.core.operation.SiteLocks;
import org.diminet.core.operation.Step;
import org.diminet.core.operation.StepAction;
import org.diminet.core.vim.VimSubnet;

/**
 * The level-triggered half of reconciliation: the journal drives what was started; this compares what
 * should be with what is. For each settled service this site masters, the local VIM's pools are set
 * back to the service's when they differ, and every other site is asked for its part: a site that no
 * longer has it (its database was restored from an old backup, say) gets it again through a repair
 * operation ({@code CREATE_PART} there, then the new resource list to every site), with the pools the
 * ledger still gives it. Sites that cannot be reached are left for the next audit.
 */
public final class MasterAudit {
    private static final Logger LOG = System.getLogger(MasterAudit.class.getName());
    private static final int PAGE = 100;

    private final SiteContext site;
    private final OperationExecutor executor;

    public MasterAudit(SiteContext site, OperationExecutor executor) {
        this.site = site;
        this.executor = executor;
    }

    /**
     * Audits every settled service this site masters; returns how many repairs it started. The store is
     * read a page at a time, so an audit of ten thousand services holds a hundred in memory, not all.
     */
    public int run() {
        int[] repairs = {0};
        site.store().forEachPaged(Optional.empty(), PAGE, service -> {
            if (service.isMasteredBy(site.local()) && service.state() == ServiceState.ACTIVE
                    && site.journal().openFor(service.id()).isEmpty()) {
                alignLocalPools(service);
                repairs[0] += repairMissingParts(service) ? 1 : 0;
            }
        });
        return repairs[0];
    }

    private void alignLocalPools(InterSiteService service) {
        if (!(service.params() instanceof L2Params l2)) {
            return;
        }
        service.resourceAt(site.local()).flatMap(r -> r.network()).ifPresent(network -> {
            for (VimSubnet subnet : site.vim().subnetsOf(network)) {
                if (subnet.id().equals(l2.localSubnetId()) && !subnet.allocationPools().equals(l2.localPools())) {
                    LOG.log(Level.WARNING, "service={0}: subnet {1} had pools {2}, not {3}; set back",
                            service.id(), subnet.id(), subnet.allocationPools(), l2.localPools());
                    site.vim().updateAllocationPools(subnet.id(), l2.localPools());
                }
            }
        });
    }

    private boolean repairMissingParts(InterSiteService service) {
        // One parallel round of reads, as for every multi-site step; a site that does not answer is skipped.
        List<Region> remotes = service.regions().stream().filter(r -> !r.equals(site.local())).toList();
        List<Region> missing = FanoutResults.failures(site.fanout().call(remotes,
                        region -> site.peers().readPart(region, service.id())))
                .entrySet().stream().filter(e -> Failures.partIsGone(e.getValue())).map(java.util.Map.Entry::getKey)
                .toList();
        if (missing.isEmpty()) {
            return false;
        }
        LOG.log(Level.WARNING, "service={0}: sites {1} no longer have their part; repairing", service.id(), missing);
        Instant now = site.now();
        List<Step> steps = new ArrayList<>();
        missing.forEach(region -> steps.add(Step.planned(steps.size(), region, StepAction.CREATE_PART, 0)));
        Operation repair = Operation.start(service.id(), OperationKind.UPDATE, service.resources(), service.resources(),
                steps, now, now.plus(executor.settings().deadline()));
        boolean started = site.locks().withLock(SiteLocks.service(service.id()), () -> {
            Optional<InterSiteService> fresh = site.store().find(service.id());
            if (fresh.isEmpty() || fresh.get().state() != ServiceState.ACTIVE
                    || !site.journal().openFor(service.id()).isEmpty()) {
                return false; // a user's change came first
            }
            site.transactions().inTransaction(() -> {
                site.store().update(fresh.get().withState(ServiceState.UPDATING, now));
                site.journal().insert(repair);
            });
            return true;
        });
        if (started) {
            executor.drive(repair.id(), now.plus(executor.settings().deadline()));
        }
        return started;
    }
}
