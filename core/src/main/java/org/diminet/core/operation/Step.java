package org.diminet.core.operation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.Region;
import org.diminet.core.peer.PartReply;

/**
 * One step of an operation: one action at one site, run in its wave (a wave starts when every step of
 * the waves before it is finished; steps of one wave run in parallel).
 *
 * @param id          unique within the operation; with the operation id it is the step's idempotency key
 * @param nextAttempt when a failed step may be tried again (bounded, jittered back-off)
 * @param reply       what the site answered (a part's network, CIDRs, pools), kept for later decisions
 * @param pool        REQUEST_POOL: the pool the master granted
 * @param lastFailure what the site said last when it refused or failed, to tell the user why if the
 *                    operation is revoked
 * @param delivered   whether an attempt may have reached its site (a refused connection did not), so
 *                    whether undoing it there may be needed
 * @param tookMillis  how long its last attempt took, East-West call or local work included; 0 before the
 *                    first (the operation's record of where its time went, beside the phase timers)
 */
public record Step(int id, Region site, StepAction action, int wave, StepStatus status, int attempts,
                   Optional<String> lastError, Optional<Instant> nextAttempt, Optional<PartReply> reply,
                   Optional<IpRange> pool, Optional<Failure> lastFailure, boolean delivered, long tookMillis) {
    public Step {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(lastFailure, "lastFailure");
    }

    public static Step planned(int id, Region site, StepAction action, int wave) {
        return new Step(id, site, action, wave, StepStatus.PENDING, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, 0);
    }

    public boolean isDue(Instant now) {
        return status == StepStatus.PENDING && nextAttempt.map(t -> !t.isAfter(now)).orElse(true);
    }

    public Step done(Optional<PartReply> newReply, Optional<IpRange> newPool) {
        return new Step(id, site, action, wave, StepStatus.DONE, attempts + 1, lastError, Optional.empty(),
                newReply.or(() -> reply), newPool.or(() -> pool), Optional.empty(), true, tookMillis);
    }

    public Step refused(Failure why) {
        return new Step(id, site, action, wave, StepStatus.REFUSED, attempts + 1, Optional.of(why.message()),
                Optional.empty(), reply, pool, Optional.of(why), true, tookMillis);
    }

    public Step skipped(String why) {
        return new Step(id, site, action, wave, StepStatus.SKIPPED, attempts, Optional.of(why), Optional.empty(),
                reply, pool, lastFailure, delivered, tookMillis);
    }

    public Step failedAttempt(Failure why, Instant retryAt, boolean mayHaveArrived) {
        return new Step(id, site, action, wave, StepStatus.PENDING, attempts + 1, Optional.of(why.message()),
                Optional.of(retryAt), reply, pool, Optional.of(why), delivered || mayHaveArrived, tookMillis);
    }

    public Step withPool(IpRange granted) {
        return new Step(id, site, action, wave, status, attempts, lastError, nextAttempt, reply,
                Optional.of(granted), lastFailure, delivered, tookMillis);
    }

    /** Makes a waiting step due now, e.g. when its site just came back. */
    public Step dueNow() {
        return new Step(id, site, action, wave, status, attempts, lastError, Optional.empty(), reply, pool, lastFailure,
                delivered, tookMillis);
    }

    /** The same step, its last attempt having taken {@code millis}. */
    public Step took(long millis) {
        return new Step(id, site, action, wave, status, attempts, lastError, nextAttempt, reply, pool, lastFailure,
                delivered, Math.max(0, millis));
    }

    /** Was this step possibly carried out at its site (so undoing it may be needed)? */
    public boolean mayHaveTakenEffect() {
        return status == StepStatus.DONE || delivered;
    }
}
