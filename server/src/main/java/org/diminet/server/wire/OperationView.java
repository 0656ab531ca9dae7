package org.diminet.server.wire;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.diminet.core.operation.Failure;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.Step;

/**
 * An open operation of a service as the North API shows it: what it does, where it stands, and which
 * sites are behind and why (the steps still pending).
 */
@Schema(description = "An operation of the service still open at this site")
public record OperationView(
        @Schema(description = "The operation's id", example = "0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f")
        String id,
        @Schema(description = "What it does: CREATE, UPDATE (sites join or leave), DELETE, or POOL (one more pool for"
                + " a site)", example = "DELETE", allowableValues = {"CREATE", "UPDATE", "DELETE", "POOL"})
        String kind,
        @Schema(description = "Where it is: RUNNING, COMMITTED (done for the user; follow-up steps pending), REVERTING"
                + " (revoked, being undone)", example = "COMMITTED",
                allowableValues = {"RUNNING", "COMMITTED", "REVERTING"})
        String phase,
        @Schema(description = "Why it was revoked; null unless it was")
        FailureView revokedBecause,
        @Schema(description = "The steps still to do",
                example = "[{\"region\": \"RegionThree\", \"action\": \"DELETE_PART\", \"attempts\": 4,"
                        + " \"last_error\": \"site RegionThree is unreachable: connection refused\","
                        + " \"next_attempt\": \"2026-11-22T10:16:03.400Z\"}]")
        List<StepView> pendingSteps,
        @Schema(description = "When it started", example = "2026-11-22T10:15:58Z")
        Instant createdAt,
        @Schema(description = "When it last moved", example = "2026-11-22T10:16:01.400Z")
        Instant updatedAt) {

    /** A step still to do: at which site, what, how often it was tried, and its last error. */
    @Schema(description = "A step of an operation still to do")
    public record StepView(
            @Schema(description = "The site it concerns", example = "RegionThree")
            String region,
            @Schema(description = "What it does there, e.g. CREATE_PART, DELETE_PART, UNDO_PART (a revoked create's"
                    + " clean-up), SYNC_PART (the final resource list), REQUEST_POOL, LOCAL_WIRE", example = "DELETE_PART",
                    allowableValues = {"CREATE_PART", "READ_PART", "CHECK_PART", "DELETE_PART", "UNDO_PART",
                            "SYNC_PART", "REQUEST_POOL", "LOCAL_POOLS", "LOCAL_WIRE", "LOCAL_ADD_POOL", "LOCAL_REMOVE"})
            String action,
            @Schema(description = "How often it was tried", example = "4")
            int attempts,
            @Schema(description = "The last attempt's error; null before the first failure",
                    example = "site RegionThree is unreachable: connection refused", types = {"string", "null"})
            String lastError,
            @Schema(description = "When it is tried next; null when it waits for nothing", example = "2026-11-22T10:16:03.400Z",
                    types = {"string", "null"}, format = "date-time")
            Instant nextAttempt,
            @Schema(description = "How long its last attempt took, in milliseconds (the East-West call or the local"
                    + " work); null before the first", example = "4012", types = {"integer", "null"})
            Long lastAttemptMs) {
        static StepView of(Step step) {
            return new StepView(step.site().name(), step.action().name(), step.attempts(),
                    step.lastError().orElse(null), step.nextAttempt().orElse(null),
                    step.attempts() == 0 ? null : step.tookMillis());
        }
    }

    /** Why the operation was revoked. */
    @Schema(description = "Why an operation was revoked")
    public record FailureView(
            @Schema(description = "The problem's short name, as in problem details", example = "peer-unreachable")
            String problem,
            @Schema(description = "The site that failed or refused", example = "RegionThree", types = {"string", "null"})
            String region,
            @Schema(description = "What happened", example = "site RegionThree is unreachable: connection refused")
            String message) {
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
