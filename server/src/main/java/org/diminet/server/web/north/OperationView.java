package org.diminet.server.web.north;

import java.time.Instant;
import java.util.List;
import org.diminet.core.operation.Failure;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.Step;

/**
 * An open operation of a service as the North API shows it: what it does, where it stands, and which
 * sites are behind and why (the steps still pending).
 */
public record OperationView(String id, String kind, String phase, FailureView revokedBecause,
                            List<StepView> pendingSteps, Instant createdAt, Instant updatedAt) {

    /** A step still to do: at which site, what, how often it was tried, and its last error. */
    public record StepView(String region, String action, int attempts, String lastError, Instant nextAttempt) {
        static StepView of(Step step) {
            return new StepView(step.site().name(), step.action().name(), step.attempts(),
                    step.lastError().orElse(null), step.nextAttempt().orElse(null));
        }
    }

    /** Why the operation was revoked. */
    public record FailureView(String problem, String region, String message) {
        static FailureView of(Failure failure) {
            return new FailureView(failure.problem(), failure.region().map(Object::toString).orElse(null),
                    failure.message());
        }
    }

    public static OperationView of(Operation op) {
        return new OperationView(op.id().toString(), op.kind().name(), op.phase().name(),
                op.failure().map(FailureView::of).orElse(null),
                op.pending().stream().map(StepView::of).toList(), op.createdAt(), op.updatedAt());
    }
}
