package org.diminet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.cli.CliSites.ADMIN;
import static org.diminet.server.cli.CliSites.ALICE;
import static org.diminet.server.cli.CliSites.BOB;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code diminet service create|list|show|set|delete} and {@code diminet pool add} against three
 * running sites, checked as a user would: what the other sites then show.
 */
@ExtendWith(CliSites.class)
class ServiceCommandsTest {
    private final CliSites.Sites sites = CliSites.sites();

    private String network(String user, int site, String name, String cidr) {
        return sites.cluster().as(user, sites.region(site)).createNetwork(name, cidr);
    }

    @Test
    void anL3ServiceCreatedAtOneSiteIsListedAndShownAtTheOthers() {
        String one = network(ALICE, 0, "cli-l3-one", "10.71.1.0/24");
        String two = network(ALICE, 1, "cli-l3-two", "10.71.2.0/24");

        CliRun created = sites.run(ALICE, 0, "service", "create", "cli-routing", "--type", "L3",
                "--resource", "RegionOne=" + one, "--resource", "RegionTwo=" + two).expect(0);

        assertThat(created.out()).startsWith("+--").contains("| Field ", "| state ", "ACTIVE", "| master ", "RegionOne",
                "RegionOne=" + one, "RegionTwo=" + two, "10.71.1.0/24");
        assertThat(created.err()).isEmpty();
        String id = sites.run(ALICE, 0, "service", "list", "-f", "value", "-c", "ID", "-c", "Name").expect(0).out().lines()
                .filter(line -> line.endsWith(" cli-routing")).map(line -> line.split(" ")[0]).findFirst().orElseThrow();

        CliRun listedAtTwo = sites.run(ALICE, 1, "service", "list", "-f", "value", "-c", "ID", "-c", "State", "-c", "Master")
                .expect(0);
        assertThat(listedAtTwo.out().lines()).contains(id + " ACTIVE RegionOne");
        JsonNode shownAtTwo = sites.run(ALICE, 1, "service", "show", id, "-f", "json").expect(0).json();
        assertThat(shownAtTwo.get("local_cidrs")).extracting(JsonNode::asText).containsExactly("10.71.2.0/24");
        assertThat(shownAtTwo.get("connections")).hasSize(1);
        assertThat(shownAtTwo.get("connections").get(0).get("remote_region").asText()).isEqualTo("RegionOne");

        CliRun history = sites.run(ALICE, 0, "service", "operations", id).expect(0);
        assertThat(history.out()).contains("| Operation ", "CREATE", "DONE", "0 CREATE_PART@RegionTwo DONE ",
                "0 LOCAL_WIRE@RegionOne DONE ", " ms");

        CliRun atThree = sites.run(ALICE, 2, "service", "show", id);
        assertThat(atThree.exitCode()).as("RegionThree is not a site of the service").isEqualTo(1);
        assertThat(atThree.err()).contains(id, "HTTP 404", "region RegionThree");
        assertThat(atThree.out()).isEmpty();
    }

    @Test
    void anL2ExtensionGrowsGetsAPoolAndShrinksThroughTheClient() {
        String extended = network(ALICE, 0, "cli-l2", "172.31.1.0/24");
        String id = sites.run(ALICE, 0, "service", "create", "cli-extension", "--type", "L2",
                "--resource", "RegionOne=" + extended, "--site", "RegionTwo", "-f", "value", "-c", "global_id").expect(0)
                .out().strip();
        assertThat(UUID.fromString(id)).isNotNull();

        // RegionTwo runs short and asks the master for more addresses.
        JsonNode before = sites.run(ALICE, 1, "service", "show", id, "-f", "json").expect(0).json();
        JsonNode after = sites.run(ALICE, 1, "pool", "add", id, "-f", "json").expect(0).json();
        assertThat(before.get("local_pools")).hasSize(1);
        assertThat(after.get("local_pools")).hasSize(2);
        assertThat(after.get("cidr").asText()).isEqualTo("172.31.1.0/24");
        for (JsonNode pool : after.get("local_pools")) {
            assertThat(new IPAddressString("172.31.1.0/24").contains(new IPAddressString(pool.get("end").asText()))).isTrue();
        }
        assertThat(sites.run(ALICE, 0, "service", "show", id, "-c", "ledger").expect(0).out())
                .as("the master's ledger shows both of RegionTwo's pools").contains("RegionTwo: ");

        // RegionThree joins: it gets a network with the same CIDR.
        CliRun grown = sites.run(ALICE, 1, "service", "set", id, "--add-site", "RegionThree", "-f", "json").expect(0);
        assertThat(regionsOf(grown.json())).containsExactly("RegionOne", "RegionTwo", "RegionThree");
        JsonNode atThree = sites.run(ALICE, 2, "service", "show", id, "-f", "json").expect(0).json();
        assertThat(atThree.get("cidr").asText()).isEqualTo("172.31.1.0/24");

        // The whole list given again without RegionThree: it leaves.
        CliRun shrunk = sites.run(ALICE, 0, "service", "set", id, "--resource", "RegionOne=" + extended,
                "--site", "RegionTwo", "-f", "yaml").expect(0);
        assertThat(regionsOf(shrunk.yaml())).containsExactly("RegionOne", "RegionTwo");
        assertThat(sites.run(ALICE, 2, "service", "show", id).exitCode()).isEqualTo(1);
        CliRun removedAgain = sites.run(ALICE, 0, "service", "set", id, "--remove-site", "RegionThree");
        assertThat(removedAgain.exitCode()).isEqualTo(2);
        assertThat(removedAgain.err()).contains("not a site of the service");

        CliRun deleted = sites.run(ALICE, 1, "service", "delete", id).expect(0);
        assertThat(deleted.out()).isEmpty();
        assertThat(deleted.err()).isEmpty();
        for (int site = 0; site < 3; site++) {
            CliRun gone = sites.run(ALICE, site, "service", "show", id);
            assertThat(gone.exitCode()).isEqualTo(1);
            assertThat(gone.err()).contains("HTTP 404");
        }
    }

    @Test
    void overlappingCidrsAreRefusedWithTheDetailOnStderrAndNothingIsCreated() {
        String a = network(ALICE, 0, "cli-overlap-a", "10.72.0.0/16");
        String b = network(ALICE, 1, "cli-overlap-b", "10.72.5.0/24");

        CliRun refused = sites.run(ALICE, 0, "service", "create", "cli-overlapping", "--type", "L3",
                "--resource", "RegionOne=" + a, "--resource", "RegionTwo=" + b);

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).startsWith("diminet: ")
                .contains(a, b, "10.72.0.0/16", "10.72.5.0/24", "HTTP 409", "problem cidr-overlap");
        for (int site = 0; site < 2; site++) {
            assertThat(sites.run(ALICE, site, "service", "list", "-f", "value", "-c", "Name").expect(0).out())
                    .doesNotContain("cli-overlapping");
        }
    }

    @Test
    void aRefusedFieldIsNamedOnStderr() {
        String a = network(ALICE, 0, "cli-bad-region", "10.73.0.0/24");

        CliRun refused = sites.run(ALICE, 0, "service", "create", "cli-bad", "--type", "L2",
                "--resource", "RegionOne=" + a, "--site", "RegionNowhere");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("HTTP 400", "field resources[1].region", "RegionNowhere");
    }

    @Test
    void deleteGoesOnAfterAFailureThenSaysHowManyFailed() {
        String a = network(ALICE, 0, "cli-delete-a", "10.74.1.0/24");
        String b = network(ALICE, 2, "cli-delete-b", "10.74.2.0/24");
        String id = sites.run(ALICE, 0, "service", "create", "cli-to-delete", "--type", "L3", "--resource", "RegionOne=" + a,
                "--resource", "RegionThree=" + b, "-f", "value", "-c", "global_id").expect(0).out().strip();
        String unknown = UUID.randomUUID().toString();

        CliRun deleted = sites.run(ALICE, 2, "service", "delete", unknown, id);

        assertThat(deleted.exitCode()).isEqualTo(1);
        assertThat(deleted.err()).contains("service " + unknown + ": ", "HTTP 404", "failed to delete 1 of 2 services")
                .doesNotContain("service " + id);
        assertThat(sites.run(ALICE, 0, "service", "show", id).exitCode()).as("the known one is gone").isEqualTo(1);
    }

    @Test
    void anotherProjectsServiceCannotBeSeenButAnAdminMayCreateOneForAProject() {
        String a = network(ALICE, 0, "cli-admin-a", "10.75.1.0/24");
        String b = network(ALICE, 1, "cli-admin-b", "10.75.2.0/24");

        String id = sites.run(ADMIN, 0, "service", "create", "cli-for-alice", "--type", "L3", "--project", "project-a",
                "--resource", "RegionOne=" + a, "--resource", "RegionTwo=" + b, "-f", "value", "-c", "global_id")
                .expect(0).out().strip();

        assertThat(sites.run(ALICE, 1, "service", "show", id, "-f", "value", "-c", "project").expect(0).out())
                .isEqualTo("project-a\n");
        CliRun asBob = sites.run(BOB, 1, "service", "show", id);
        assertThat(asBob.exitCode()).isEqualTo(1);
        assertThat(asBob.err()).contains("HTTP 404");
        assertThat(sites.run(BOB, 1, "service", "delete", id).exitCode()).isEqualTo(1);
        assertThat(sites.run(BOB, 0, "service", "list", "-f", "json").expect(0).json()).isEmpty();
        CliRun forOthers = sites.run(ALICE, 0, "service", "create", "cli-not-mine", "--type", "L3", "--project", "project-b",
                "--resource", "RegionOne=" + a);
        assertThat(forOthers.exitCode()).isEqualTo(1);
        assertThat(forOthers.err()).contains("HTTP 403");
    }

    @Test
    void setWantsEitherANewListOrChangesToTheCurrentOne() {
        CliRun neither = sites.run(ALICE, 0, "service", "set", UUID.randomUUID().toString());
        CliRun both = sites.run(ALICE, 0, "service", "set", UUID.randomUUID().toString(), "--site", "RegionTwo",
                "--add-site", "RegionThree");
        CliRun noSites = sites.run(ALICE, 0, "service", "create", "nothing", "--type", "L3");

        for (CliRun run : List.of(neither, both, noSites)) {
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.out()).isEmpty();
        }
        assertThat(both.err()).contains("not both");
    }

    private static List<String> regionsOf(JsonNode service) {
        List<String> regions = new ArrayList<>();
        service.get("resources").forEach(r -> regions.add(r.get("region").asText()));
        return regions;
    }
}
