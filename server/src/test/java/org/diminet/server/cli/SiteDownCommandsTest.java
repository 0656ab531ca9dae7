package org.diminet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.diminet.server.it.MultiSiteCluster;
import org.diminet.server.launcher.LocalIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client says while a site is down (its own two sites, as it stops them): a pool request
 * whose master cannot be reached fails with 503 naming it (exit 1), a delete that must wait for a site
 * succeeds and says what waits (exit 0), and the peer list shows the site unreachable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteDownCommandsTest {
    private MultiSiteCluster cluster;
    @TempDir
    Path home;

    @BeforeAll
    void start() throws Exception {
        cluster = MultiSiteCluster.start(2);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private CliRun run(String region, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("OS_TOKEN", cluster.identity().tokenFor(LocalIdentity.ALICE));
        env.put("DIMINET_URL", cluster.url(region));
        return CliRun.of(env, home, args);
    }

    @Test
    void aSiteDownIsReportedAsScriptsExpect() throws InterruptedException {
        String extended = cluster.as(LocalIdentity.ALICE, "RegionOne").createNetwork("down-l2", "172.30.9.0/24");
        String l2 = run("RegionOne", "service", "create", "down-l2", "--type", "L2", "--resource", "RegionOne=" + extended,
                "--site", "RegionTwo", "-f", "value", "-c", "global_id").expect(0).out().strip();
        String a = cluster.as(LocalIdentity.ALICE, "RegionOne").createNetwork("down-l3-a", "10.77.1.0/24");
        String b = cluster.as(LocalIdentity.ALICE, "RegionTwo").createNetwork("down-l3-b", "10.77.2.0/24");
        String l3 = run("RegionOne", "service", "create", "down-l3", "--type", "L3", "--resource", "RegionOne=" + a,
                "--resource", "RegionTwo=" + b, "-f", "value", "-c", "global_id").expect(0).out().strip();

        cluster.stop("RegionOne");
        CliRun pool = run("RegionTwo", "pool", "add", l2);
        assertThat(pool.exitCode()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(pool.err()).contains("HTTP 503", "RegionOne");
        assertThat(run("RegionOne", "service", "list").exitCode()).isEqualTo(ExitCodes.UNREACHABLE_OR_UNAUTHENTICATED);
        cluster.restart("RegionOne");

        cluster.stop("RegionTwo");
        CliRun deleted = run("RegionOne", "service", "delete", l3);
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).isEmpty();
        assertThat(deleted.err()).contains("service " + l3 + " is DELETING", "waiting for RegionTwo");
        assertThat(eventuallyUnreachable()).contains("RegionTwo false");
    }

    private String eventuallyUnreachable() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String peers;
        do {
            peers = run("RegionOne", "peer", "list", "-f", "value", "-c", "Region", "-c", "Reachable").expect(0).out();
            Thread.sleep(200);
        } while (!peers.contains("RegionTwo false") && Instant.now().isBefore(deadline));
        return peers;
    }
}
