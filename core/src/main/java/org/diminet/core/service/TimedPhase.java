package org.diminet.core.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.ServiceType;

/**
 * One phase of an operation that ended. Carries no global id on purpose: a listener keeps counts per
 * kind of phase, never per service.
 *
 * @param type  the service's type; empty for a step whose service row was already gone
 * @param name  the phase, e.g. {@code create-total}, {@code local-read} or a step's action ({@code create_part})
 * @param at    where it ran: this site, or the peer a step was sent to
 * @param ok    false when the phase ended with an exception
 */
public record TimedPhase(Optional<ServiceType> type, String name, Region at, Duration took, boolean ok) {
    public TimedPhase {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(took, "took");
    }
}
