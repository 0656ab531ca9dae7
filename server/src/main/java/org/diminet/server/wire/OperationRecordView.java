package org.diminet.server.wire;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.OperationPhase;
import org.diminet.core.operation.Step;

/**
 * One operation of a service as this site recorded it, finished or not: every step with where it ran,
 * how it ended, how often it was tried and how long its last attempt took. It is how a user or an
 * operator sees where a slow or failed change spent its time, site by site.
 */
@Schema(description = "An operation of the service as this site recorded it, with every step")
public record OperationRecordView(
        @Schema(description = "The operation's id", example = "0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f")
        String id,
        @Schema(description = "What it does: CREATE, UPDATE (sites join or leave), DELETE, or POOL (one more pool for"
                + " a site)", example = "CREATE", allowableValues = {"CREATE", "UPDATE", "DELETE", "POOL"})
        String kind,
        @Schema(description = "Where it is: RUNNING, COMMITTED (done for the user; follow-up steps pending), REVERTING"
                + " (revoked, being undone), DONE, or REVERTED (revoked and undone everywhere)", example = "DONE",
                allowableValues = {"RUNNING", "COMMITTED", "REVERTING", "DONE", "REVERTED"})
        String phase,
        @Schema(description = "Why it was revoked; null unless it was", types = {"object", "null"})
        OperationView.FailureView revokedBecause,
        @Schema(description = "Every step, in the order they were planned; steps of one wave ran in parallel",
                example = "[{\"region\": \"RegionTwo\", \"action\": \"CREATE_PART\", \"wave\": 0, \"status\": \"DONE\","
                        + " \"attempts\": 1, \"last_attempt_ms\": 187, \"last_error\": null}]")
        List<StepRecordView> steps,
        @Schema(description = "When it started", example = "2026-11-22T10:15:58Z")
        Instant createdAt,
        @Schema(description = "When it last moved (for a finished one: when it finished)", example = "2026-11-22T10:15:58.231Z")
        Instant updatedAt,
        @Schema(description = "From start to finish in milliseconds; null while it is open", example = "231",
                types = {"integer", "null"})
        Long tookMs) {

    /** One step: where, what, in which wave, how it ended, and its last attempt's time. */
    @Schema(description = "A step of an operation")
    public record StepRecordView(
            @Schema(description = "The site it concerns", example = "RegionTwo")
            String region,
            @Schema(description = "What it does there (see the pending steps of a service for the list)",
                    example = "CREATE_PART",
                    allowableValues = {"CREATE_PART", "READ_PART", "CHECK_PART", "DELETE_PART", "UNDO_PART",
                            "SYNC_PART", "REQUEST_POOL", "LOCAL_POOLS", "LOCAL_WIRE", "LOCAL_ADD_POOL", "LOCAL_REMOVE"})
            String action,
            @Schema(description = "Its wave: the steps of a wave run in parallel, a wave after the one before it",
                    example = "0")
            int wave,
            @Schema(description = "PENDING, DONE, REFUSED (by its site, for good) or SKIPPED (no longer needed)",
                    example = "DONE", allowableValues = {"PENDING", "DONE", "REFUSED", "SKIPPED"})
            String status,
            @Schema(description = "How often it was tried", example = "1")
            int attempts,
            @Schema(description = "How long its last attempt took, in milliseconds (the East-West call or the local"
                    + " work); null before the first", example = "187", types = {"integer", "null"})
            Long lastAttemptMs,
            @Schema(description = "The last attempt's error, or why it was skipped; null if none",
                    example = "site RegionThree is unreachable: connection refused", types = {"string", "null"})
            String lastError) {
        static StepRecordView of(Step step) {
            return new StepRecordView(step.site().name(), step.action().name(), step.wave(), step.status().name(),
                    step.attempts(), step.attempts() == 0 ? null : step.tookMillis(), step.lastError().orElse(null));
        }
    }

    public static OperationRecordView of(Operation op) {
        boolean finished = op.phase() == OperationPhase.DONE || op.phase() == OperationPhase.REVERTED;
        return new OperationRecordView(op.id().toString(), op.kind().name(), op.phase().name(),
                op.failure().map(OperationView.FailureView::of).orElse(null),
                op.steps().stream().map(StepRecordView::of).toList(), op.createdAt(), op.updatedAt(),
                finished ? Duration.between(op.createdAt(), op.updatedAt()).toMillis() : null);
    }
}
