package org.diminet.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.ServiceType;
import org.junit.jupiter.api.Test;

/** What the phase log tells its listener (the server's metrics): each phase, where it ran, and whether it worked. */
class PhaseLogTest {
    private static final Region HERE = new Region("RegionOne");
    private final List<TimedPhase> heard = new ArrayList<>();
    private final PhaseLog phases = new PhaseLog(HERE, heard::add);

    @Test
    void aLocalPhaseIsHeardWithItsTypeNameSiteAndDuration() {
        String result = phases.timed(GlobalId.random(), ServiceType.L3, "local-read", () -> {
            sleep(5);
            return "read";
        });

        assertThat(result).isEqualTo("read");
        assertThat(heard).singleElement().satisfies(phase -> {
            assertThat(phase.type()).contains(ServiceType.L3);
            assertThat(phase.name()).isEqualTo("local-read");
            assertThat(phase.at()).isEqualTo(HERE);
            assertThat(phase.ok()).isTrue();
            assertThat(phase.took().toMillis()).isGreaterThanOrEqualTo(5);
        });
    }

    @Test
    void aStepIsHeardAtTheSiteItWasSentToUnderItsOwnName() {
        Region peer = new Region("RegionTwo");
        phases.timedStep(GlobalId.random(), Optional.empty(), "create_part", peer, () -> null);

        assertThat(heard).singleElement().satisfies(phase -> {
            assertThat(phase.name()).as("the log's create_part@RegionTwo, split").isEqualTo("create_part");
            assertThat(phase.at()).isEqualTo(peer);
            assertThat(phase.type()).isEmpty();
        });
    }

    @Test
    void aPhaseThatThrowsIsHeardAsFailedAndTheErrorStillReachesTheCaller() {
        assertThatThrownBy(() -> phases.timed(GlobalId.random(), ServiceType.L2, "vim-create-network",
                () -> {
                    throw new IllegalStateException("VIM down");
                })).hasMessage("VIM down");

        assertThat(heard).singleElement().satisfies(phase -> assertThat(phase.ok()).isFalse());
    }

    @Test
    void aListenerThatFailsDoesNotFailTheOperation() {
        PhaseLog broken = new PhaseLog(HERE, phase -> {
            throw new IllegalStateException("metrics broken");
        });

        assertThat(broken.timed(GlobalId.random(), ServiceType.L2, "create-total", () -> 42)).isEqualTo(42);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
