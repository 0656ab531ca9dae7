package org.diminet.core.operation;

/**
 * What one step does. Remote actions are East-West calls to the step's site; local actions change
 * this site's VIM or data plane. Every action can be repeated without harm: the executor may run a
 * step again after a crash or a lost answer, and the site answers a repeat as it answered the first.
 */
public enum StepAction {
    /** Master to site: check and create your part (the site's answer carries its network and CIDRs). */
    CREATE_PART(Retry.UNTIL_DEADLINE),
    /** Master to site: describe your part; it must answer (L3: its CIDRs for the overlap check). */
    READ_PART(Retry.UNTIL_DEADLINE),
    /**
     * Master to site: may your part go (L2: no machines left on it)? A site that cannot be reached is
     * not waited for: its removal waits in the outbox and the site itself refuses while machines remain.
     */
    CHECK_PART(Retry.ONCE),
    /** Master to site: remove your part. Retried until the site answers. */
    DELETE_PART(Retry.FOREVER),
    /** Master to site: drop what this operation created there, and refuse it if it arrives late. */
    UNDO_PART(Retry.FOREVER),
    /** Master to site: the service's resource list is now the master's. */
    SYNC_PART(Retry.FOREVER),
    /** Site to master: grant one more pool (the grant is recorded under the step's key, so a repeat gets the same pool). */
    REQUEST_POOL(Retry.FOREVER),
    /** Local: make the VIM's allocation pools of the local subnet what the service row says. */
    LOCAL_POOLS(Retry.UNTIL_DEADLINE),
    /** Local: connect the local network to the service's other sites (data plane). */
    LOCAL_WIRE(Retry.UNTIL_DEADLINE),
    /** Local: add the granted pool to the local subnet and to the service row. */
    LOCAL_ADD_POOL(Retry.FOREVER),
    /**
     * Local: remove the master's own part (disconnect it; L2: give the subnet its pools back). Runs
     * beside the removals at the other sites: once disconnected, the master's addresses can no longer
     * clash with those of a site whose removal is still on its way.
     */
    LOCAL_REMOVE(Retry.FOREVER);

    /** How long a failing step is retried when its site cannot be reached or fails. */
    public enum Retry {
        /** Once: a failure skips the step. */
        ONCE,
        /** Until the operation's deadline; then the operation is revoked. */
        UNTIL_DEADLINE,
        /** Until it works (with growing, bounded pauses): the outbox. */
        FOREVER
    }

    private final Retry retry;

    StepAction(Retry retry) {
        this.retry = retry;
    }

    public Retry retry() {
        return retry;
    }

    public boolean isLocal() {
        return this == LOCAL_POOLS || this == LOCAL_WIRE || this == LOCAL_ADD_POOL || this == LOCAL_REMOVE;
    }
}
