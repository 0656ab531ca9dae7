package org.diminet.core.operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.Resource;

/**
 * A multi-site change as stored data: what it is for, its steps and its outcome.
 *
 * @param before   the service's resources when the operation started (what a revert goes back to)
 * @param after    the resources it is to have when the operation is done (empty for a delete)
 * @param failure  why it was revoked, once it was
 * @param deadline forward steps that still cannot reach their site by then revoke the operation
 */
public record Operation(UUID id, GlobalId service, OperationKind kind, OperationPhase phase,
                       List<Resource> before, List<Resource> after, List<Step> steps, Optional<Failure> failure,
                       Instant deadline, Instant createdAt, Instant updatedAt) {
    public Operation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(phase, "phase");
        before = List.copyOf(before);
        after = List.copyOf(after);
        steps = List.copyOf(steps);
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(deadline, "deadline");
    }

    public static Operation start(GlobalId service, OperationKind kind, List<Resource> before, List<Resource> after,
                                  List<Step> steps, Instant now, Instant deadline) {
        return new Operation(UUID.randomUUID(), service, kind, OperationPhase.RUNNING, before, after, steps,
                Optional.empty(), deadline, now, now);
    }

    /** The lowest wave that still has a pending step; empty when every step is finished. */
    public OptionalInt currentWave() {
        return steps.stream().filter(s -> s.status() == StepStatus.PENDING).mapToInt(Step::wave).min();
    }

    public List<Step> pendingIn(int wave) {
        return steps.stream().filter(s -> s.wave() == wave && s.status() == StepStatus.PENDING).toList();
    }

    public List<Step> pending() {
        return steps.stream().filter(s -> s.status() == StepStatus.PENDING).toList();
    }

    public List<Step> stepsOf(StepAction action) {
        return steps.stream().filter(s -> s.action() == action).toList();
    }

    public Optional<Step> firstRefused() {
        return steps.stream().filter(s -> s.status() == StepStatus.REFUSED).findFirst();
    }

    public int nextStepId() {
        return steps.stream().mapToInt(Step::id).max().orElse(-1) + 1;
    }

    public int nextWave() {
        return steps.stream().mapToInt(Step::wave).max().orElse(-1) + 1;
    }

    public Operation withStep(Step step, Instant now) {
        List<Step> changed = new ArrayList<>(steps);
        changed.replaceAll(s -> s.id() == step.id() ? step : s);
        return new Operation(id, service, kind, phase, before, after, changed, failure, deadline, createdAt, now);
    }

    public Operation withAddedSteps(List<Step> added, Instant now) {
        List<Step> all = new ArrayList<>(steps);
        all.addAll(added);
        return new Operation(id, service, kind, phase, before, after, all, failure, deadline, createdAt, now);
    }

    public Operation withPhase(OperationPhase newPhase, Instant now) {
        return new Operation(id, service, kind, newPhase, before, after, steps, failure, deadline, createdAt, now);
    }

    public Operation withAfter(List<Resource> newAfter, Instant now) {
        return new Operation(id, service, kind, phase, before, newAfter, steps, failure, deadline, createdAt, now);
    }

    /** Revokes the operation: pending forward steps are skipped and {@code failure} is kept as the reason. */
    public Operation revoked(Failure why, Instant now) {
        List<Step> changed = steps.stream()
                .map(s -> s.status() == StepStatus.PENDING ? s.skipped("revoked: " + why.message()) : s)
                .toList();
        return new Operation(id, service, kind, OperationPhase.REVERTING, before, after, changed, Optional.of(why),
                deadline, createdAt, now);
    }

    /** Makes every waiting step at {@code site} due now (the site just answered again). */
    public Operation dueNowAt(org.diminet.core.domain.Region site, Instant now) {
        List<Step> changed = steps.stream()
                .map(s -> s.site().equals(site) && s.status() == StepStatus.PENDING ? s.dueNow() : s)
                .toList();
        return new Operation(id, service, kind, phase, before, after, changed, failure, deadline, createdAt, now);
    }
}
