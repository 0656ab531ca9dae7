package org.diminet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code diminet region} and {@code diminet peer list}: probes an operator runs without credentials.
 * RegionOne's peers are RegionTwo and RegionThree, which answer, and RegionGhost, which never does.
 */
@ExtendWith(CliSites.class)
class RegionAndPeerCommandsTest {
    private final CliSites.Sites sites = CliSites.sites();

    private CliRun anonymously(int site, String... args) {
        return sites.run(Map.of("HOME", sites.home().toString(), "DIMINET_URL", sites.url(site)), args);
    }

    @Test
    void regionNamesTheSiteCalledInEveryFormat() {
        assertThat(anonymously(0, "region").expect(0).out()).isEqualTo("""
                +-------+-----------+
                | Field | Value     |
                +-------+-----------+
                | name  | RegionOne |
                +-------+-----------+
                """);
        assertThat(anonymously(1, "region", "-f", "json").expect(0).json().get("name").asText()).isEqualTo("RegionTwo");
        assertThat(anonymously(2, "region", "-f", "yaml").expect(0).out()).isEqualTo("name: RegionThree\n");
        assertThat(anonymously(2, "region", "-f", "value", "-c", "name").expect(0).out()).isEqualTo("RegionThree\n");
    }

    @Test
    void peerListShowsWhichPeersAnswerAndHowFast() throws InterruptedException {
        JsonNode peers = eventuallyAllProbed();

        assertThat(peers).hasSize(3);
        for (JsonNode peer : peers) {
            boolean ghost = peer.get("Region").asText().equals(CliSites.GHOST);
            assertThat(peer.get("Reachable").asBoolean()).as(peer.toString()).isEqualTo(!ghost);
            assertThat(peer.get("Round Trip (ms)").isNumber()).as(peer.toString()).isEqualTo(!ghost);
            assertThat(peer.get("Error").isNull()).as(peer.toString()).isEqualTo(!ghost);
        }
        String table = anonymously(0, "peer", "list").expect(0).out();
        assertThat(table.lines().toList().get(1)).matches("\\| Region +\\| Reachable \\| Round Trip \\(ms\\) \\| Error +\\|");
        assertThat(table).containsPattern("\\| RegionTwo +\\| true +\\| \\d+\\.\\d +\\| +\\|")
                .containsPattern("\\| RegionGhost +\\| false +\\| +\\| \\S.*\\|");
        assertThat(anonymously(0, "peer", "list", "-f", "value", "-c", "Region", "-c", "Reachable").expect(0).out().lines())
                .contains("RegionTwo true", "RegionThree true", "RegionGhost false");
        JsonNode yaml = anonymously(0, "peer", "list", "-f", "yaml", "--long").expect(0).yaml();
        assertThat(yaml).hasSize(3);
        assertThat(yaml.get(0).has("Checked At")).isTrue();
    }

    @Test
    void peerListWorksWithALoggedInUserToo() {
        Map<String, String> env = new HashMap<>(sites.loggedIn(CliSites.ALICE, 1));
        env.remove("DIMINET_URL");

        assertThat(sites.run(env, "peer", "list", "-f", "value", "-c", "Region").expect(0).out().lines())
                .containsExactlyInAnyOrder("RegionOne", "RegionThree");
    }

    /** The first probes of the sites run shortly after they start: wait until every peer was probed. */
    private JsonNode eventuallyAllProbed() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            JsonNode peers = anonymously(0, "peer", "list", "-f", "json").expect(0).json();
            boolean probed = peers.size() == 3;
            for (JsonNode peer : peers) {
                boolean ghost = peer.get("Region").asText().equals(CliSites.GHOST);
                probed &= ghost ? !peer.get("Error").isNull() : peer.get("Reachable").asBoolean();
            }
            if (probed || Instant.now().isAfter(deadline)) {
                return peers;
            }
            Thread.sleep(200);
        }
    }
}
