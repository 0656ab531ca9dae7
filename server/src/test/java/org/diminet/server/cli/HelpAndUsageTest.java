package org.diminet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What {@code --help} says (the subcommands, the options, the exit codes) and that misuse exits with 2. */
@ExtendWith(CliSites.class)
class HelpAndUsageTest {
    private final CliSites.Sites sites = CliSites.sites();

    @Test
    void theTopLevelHelpListsTheClientCommands() {
        CliRun help = sites.run(sites.bare(), "--help").expect(0);

        assertThat(help.out()).contains("service", "pool", "region", "peer", "server", "demo");
    }

    @Test
    void eachCommandsHelpShowsItsOptionsAndTheExitCodes() {
        for (String[] command : new String[][] {{"service"}, {"service", "list"}, {"service", "show"}, {"service", "create"},
                {"service", "set"}, {"service", "delete"}, {"pool", "add"}, {"region"}, {"peer", "list"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            CliRun help = sites.run(sites.bare(), args).expect(0);
            assertThat(help.out()).as(String.join(" ", command))
                    .contains("Exit codes:", "0   done", "1   DIMINET refused or failed", "2   wrong command line",
                            "3   cannot reach DIMINET");
            if (command.length > 1 || command[0].equals("region")) {
                assertThat(help.out()).as(String.join(" ", command)).contains("--os-auth-url", "--os-token", "--diminet-url");
            }
        }
        assertThat(sites.run(sites.bare(), "service", "create", "--help").out())
                .contains("--type", "--resource", "--site", "-f, --format", "-c, --column");
    }

    @Test
    void misuseExitsWith2AndSaysWhy() {
        CliRun noSubcommand = sites.run(sites.bare(), "service");
        CliRun unknown = sites.run(sites.bare(), "service", "frobnicate");
        CliRun noType = sites.run(sites.bare(), "service", "create", "x", "--resource", "RegionOne=n");
        CliRun noId = sites.run(sites.bare(), "service", "delete");

        assertThat(noSubcommand.exitCode()).isEqualTo(2);
        assertThat(noSubcommand.err()).contains("Missing required subcommand");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("frobnicate");
        assertThat(noType.exitCode()).isEqualTo(2);
        assertThat(noType.err()).contains("--type");
        assertThat(noId.exitCode()).isEqualTo(2);
        assertThat(noId.err()).contains("ID");
    }
}
