package org.diminet.core.operation;

import java.util.Objects;
import java.util.Optional;
import org.diminet.core.domain.Region;

/**
 * Why an operation was revoked, as the user is told: the problem type and message of the error that
 * stopped it, the site it concerns, and the HTTP-like status class it maps to.
 *
 * @param category which exception this was ({@code conflict}, {@code invalid}, {@code not-found},
 *                 {@code peer-refused}, {@code peer-unreachable}, {@code peer-timeout},
 *                 {@code peer-bad-response}, {@code vim})
 * @param status   the status the site answered with, when it was a peer's refusal; else 0
 */
public record Failure(String category, String problem, Optional<Region> region, int status, String message) {
    public Failure {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(message, "message");
    }
}
