package org.diminet.core.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How operations are driven.
 *
 * @param deadline          how long a create or update keeps retrying a site that does not answer
 *                          before it is revoked (the user waits at most about this long)
 * @param firstRetry        the pause before the first retry of a failed step; it doubles each time
 * @param maxRetry          the longest pause between retries of a clean-up step (the outbox)
 * @param reconcileInterval how often the reconciler looks for operations to drive
 * @param answerWait        how long a user's delete, pool request or change waits for clean-up steps
 *                          before it answers with what is still pending
 * @param probeInterval     how often peers are probed for /api/health and to notice a site coming back
 * @param auditInterval     how often a master compares its settled services with what its sites and its
 *                          VIM report, and repairs what differs
 */
public record OperationSettings(Duration deadline, Duration firstRetry, Duration maxRetry, Duration reconcileInterval,
                                Duration answerWait, Duration probeInterval, Duration auditInterval) {
    public OperationSettings {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(reconcileInterval, "reconcileInterval");
        Objects.requireNonNull(answerWait, "answerWait");
        Objects.requireNonNull(probeInterval, "probeInterval");
        Objects.requireNonNull(auditInterval, "auditInterval");
    }

    public static OperationSettings defaults() {
        return new OperationSettings(Duration.ofSeconds(20), Duration.ofMillis(200), Duration.ofSeconds(30),
                Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofMinutes(5));
    }
}
