package org.diminet.server.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.diminet.core.domain.Region;
import org.diminet.core.service.PeerHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A site with many peers does not probe them all every round: a peer that answered is probed again after
 * one to ⌈peers / 10⌉ rounds (spread by name), while one that did not answer is probed every round, so its return is noticed
 * at once. With ten peers or fewer every peer is probed every round, as before.
 */
class PeerProbesTest {
    private static final Duration ROUND = Duration.ofMillis(300);

    private final InProcessSites sites = new InProcessSites(IntStream.rangeClosed(1, 15)
            .mapToObj(i -> "Region" + i).toArray(String[]::new));

    @AfterEach
    void close() {
        sites.close();
    }

    @Test
    void answeringPeersAreProbedInTurnAndSilentOnesEveryRound() throws Exception {
        PeerHealth health = new PeerHealth(sites.site("Region1").context());
        Region silent = new Region("Region7");
        sites.site("Region1").peers().down(silent);

        health.probeDue(ROUND, r -> { });
        Map<Region, PeerHealth.Seen> first = health.snapshot();
        assertThat(first).as("every peer probed once").hasSize(14);
        assertThat(first.get(silent).reachable()).isFalse();

        Thread.sleep(ROUND.toMillis());
        health.probeDue(ROUND, r -> { });
        Map<Region, PeerHealth.Seen> second = health.snapshot();
        // Each answering peer waits between one and two rounds (spread by name): few are due after one.
        assertThat(probedAgain(first, second)).as("one round later: the silent peer, and few others")
                .contains(silent).hasSizeLessThanOrEqualTo(1 + 13 / 2);

        Thread.sleep(2 * ROUND.toMillis());
        health.probeDue(ROUND, r -> { });
        Map<Region, PeerHealth.Seen> third = health.snapshot();
        assertThat(probedAgain(second, third)).as("two rounds (14 peers: every second round) later: all").hasSize(14);
    }

    @Test
    void withTenPeersOrFewerEveryPeerIsProbedEveryRound() throws Exception {
        InProcessSites few = new InProcessSites("RegionA", "RegionB", "RegionC");
        try {
            PeerHealth health = new PeerHealth(few.site("RegionA").context());
            health.probeDue(ROUND, r -> { });
            Map<Region, PeerHealth.Seen> first = health.snapshot();
            Thread.sleep(ROUND.toMillis());
            health.probeDue(ROUND, r -> { });
            assertThat(probedAgain(first, health.snapshot())).hasSize(2);
        } finally {
            few.close();
        }
    }

    private static java.util.List<Region> probedAgain(Map<Region, PeerHealth.Seen> before, Map<Region, PeerHealth.Seen> after) {
        return after.values().stream().filter(s -> {
            Instant earlier = before.get(s.region()).at();
            return s.at().isAfter(earlier);
        }).map(PeerHealth.Seen::region).toList();
    }
}
