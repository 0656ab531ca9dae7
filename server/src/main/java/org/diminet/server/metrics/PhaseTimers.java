package org.diminet.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.diminet.core.service.PhaseListener;
import org.diminet.core.service.TimedPhase;
import org.springframework.stereotype.Component;

/**
 * {@code diminet_phase_seconds}: how long each phase of the operations took, by service type, phase,
 * the site it ran at and outcome. The same phases the {@code org.diminet.phases} log lists one by one,
 * counted: a create's {@code create-total} against its {@code create_part} steps tells the master's own
 * work from a slow peer. Never tagged with a global id, so the number of series stays bounded.
 */
@Component
public class PhaseTimers implements PhaseListener {
    static final String NAME = "diminet.phase";
    /**
     * Histogram buckets from an embedded VIM's milliseconds to the operation deadline (20 s by default),
     * so that Prometheus can compute quantiles; a dozen, not Micrometer's seventy-odd default ones.
     */
    static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;

    public PhaseTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void phaseDone(TimedPhase phase) {
        Timer.builder(NAME)
                .description("Duration of each phase of the inter-site operations (create-total, update-total,"
                        + " delete-total, local phases, and each step at the site it was sent to)")
                .tag("type", phase.type().map(Enum::name).orElse("unknown"))
                .tag("phase", phase.name())
                .tag("at", phase.at().name())
                .tag("outcome", phase.ok() ? "ok" : "failed")
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(phase.took());
    }
}
