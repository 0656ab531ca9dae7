package org.diminet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.cli.CliSites.ALICE;
import static org.diminet.server.cli.CliSites.BOB;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.diminet.server.it.MultiSiteCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the client takes the site and the credentials from, as the openstack client does: {@code --os-*}
 * options, then {@code OS_*} variables, then {@code clouds.yaml}; and the exit codes when they are
 * missing (2), wrong or the site cannot be reached (3).
 */
@ExtendWith(CliSites.class)
class AuthenticationOptionsTest {
    private final CliSites.Sites sites = CliSites.sites();

    @Test
    void thePasswordFromOsVariablesLogsInAndTheEmbeddedIdentitysSiteIsTheOneCalled() {
        Map<String, String> env = new HashMap<>(sites.loggedIn(ALICE, 1));
        env.remove("DIMINET_URL");

        assertThat(sites.run(env, "region", "-f", "value").expect(0).out()).isEqualTo("RegionTwo\n");
        assertThat(sites.run(env, "service", "list").exitCode()).isZero();
    }

    @Test
    void thePasswordFromTheCommandLineLogsIn() {
        CliRun run = sites.run(sites.bare(), "service", "list", "-f", "json",
                "--os-auth-url", sites.url(0) + "/v3/", "--os-username", ALICE, "--os-password", sites.password(ALICE),
                "--os-project-name", "project-a", "--os-user-domain-name", "Default", "--os-project-domain-name", "Default",
                "--diminet-url", sites.url(2));

        assertThat(run.expect(0).json().isArray()).isTrue();
    }

    @Test
    void anOptionWinsOverItsVariable() {
        Map<String, String> env = new HashMap<>(sites.loggedIn(ALICE, 0));
        env.put("OS_PASSWORD", "wrong");
        env.put("DIMINET_URL", "http://127.0.0.1:1");

        CliRun run = sites.run(env, "region", "-f", "value", "--os-password", sites.password(ALICE),
                "--diminet-url", sites.url(1));

        assertThat(run.expect(0).out()).isEqualTo("RegionTwo\n");
    }

    @Test
    void aTokenFromOsTokenOrTheOptionSkipsTheLogIn() {
        Map<String, String> env = new HashMap<>(sites.bare());
        env.put("OS_TOKEN", sites.token(BOB));
        env.put("DIMINET_URL", sites.url(0));

        assertThat(sites.run(env, "service", "list", "-f", "json").expect(0).json()).isEmpty();
        assertThat(sites.run(sites.bare(), "service", "list", "-f", "json", "--os-token", sites.token(BOB),
                "--diminet-url", sites.url(1)).expect(0).json()).isEmpty();
    }

    @Test
    void aTokenWithTheAuthUrlFindsTheSiteThroughTheIdentity() {
        Map<String, String> env = new HashMap<>(sites.bare());
        env.put("OS_TOKEN", sites.token(ALICE));
        env.put("OS_AUTH_URL", sites.url(2) + "/v3");

        assertThat(sites.run(env, "region", "-f", "value").expect(0).out()).isEqualTo("RegionThree\n");
    }

    @Test
    void aCloudOfCloudsYamlInTheWorkingDirectoryOrTheHomeGivesTheSettings(@TempDir Path work, @TempDir Path home)
            throws IOException {
        Files.writeString(work.resolve("clouds.yaml"), cloud("here", 1));
        Path userConfig = Files.createDirectories(home.resolve(".config/openstack"));
        Files.writeString(userConfig.resolve("clouds.yaml"), cloud("at-home", 2));
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "OS_CLOUD", "here"));

        assertThat(CliRun.of(env, work, "region", "-f", "value").expect(0).out()).isEqualTo("RegionTwo\n");
        assertThat(CliRun.of(env, work, "service", "list").exitCode()).isZero();
        assertThat(CliRun.of(env, work, "region", "-f", "value", "--os-cloud", "at-home").expect(0).out())
                .isEqualTo("RegionThree\n");

        env.put("DIMINET_URL", sites.url(0));
        assertThat(CliRun.of(env, work, "region", "-f", "value").expect(0).out())
                .as("a variable wins over the cloud's entry").isEqualTo("RegionOne\n");

        env.remove("DIMINET_URL");
        env.put("OS_CLOUD", "elsewhere");
        CliRun unknown = CliRun.of(env, work, "service", "list");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no cloud 'elsewhere'", work.resolve("clouds.yaml").toString());

        Path named = Files.writeString(home.resolve("my-clouds.yaml"), cloud("elsewhere", 0));
        env.put("OS_CLIENT_CONFIG_FILE", named.toString());
        assertThat(CliRun.of(env, work, "region", "-f", "value").expect(0).out()).isEqualTo("RegionOne\n");
    }

    private String cloud(String name, int site) {
        return """
                clouds:
                  %s:
                    auth:
                      auth_url: %s/v3
                      username: alice
                      password: "%s"
                      project_name: project-a
                      user_domain_name: Default
                      project_domain_name: Default
                    diminet_url: %s
                """.formatted(name, sites.url(site), sites.password(ALICE), sites.url(site));
    }

    @Test
    void aWrongPasswordExitsWith3AndDoesNotShowThePassword() {
        Map<String, String> env = new HashMap<>(sites.loggedIn(ALICE, 0));
        env.put("OS_PASSWORD", "not-alices-password");

        CliRun run = sites.run(env, "service", "list");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE_OR_UNAUTHENTICATED);
        assertThat(run.err()).contains("refused the credentials of user alice (project project-a)", sites.url(0) + "/v3")
                .doesNotContain("not-alices-password");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aProjectTheUserIsNotInExitsWith3() {
        Map<String, String> env = new HashMap<>(sites.loggedIn(ALICE, 0));
        env.put("OS_PROJECT_NAME", "project-b");

        assertThat(sites.run(env, "service", "list").exitCode()).isEqualTo(ExitCodes.UNREACHABLE_OR_UNAUTHENTICATED);
    }

    @Test
    void aForgedTokenExitsWith3() {
        String token = sites.token(ALICE);
        String forged = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");

        CliRun run = sites.run(sites.bare(), "service", "list", "--os-token", forged, "--diminet-url", sites.url(0));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE_OR_UNAUTHENTICATED);
        assertThat(run.err()).contains("refused the token", "HTTP 401");
    }

    @Test
    void aSiteOrIdentityThatCannotBeReachedExitsWith3() throws IOException {
        String nowhere = "http://127.0.0.1:" + MultiSiteCluster.freePort();
        Map<String, String> siteDown = new HashMap<>(sites.loggedIn(ALICE, 0));
        siteDown.put("DIMINET_URL", nowhere);
        Map<String, String> identityDown = new HashMap<>(sites.loggedIn(ALICE, 0));
        identityDown.put("OS_AUTH_URL", nowhere + "/v3");

        CliRun toSite = sites.run(siteDown, "service", "list");
        CliRun toIdentity = sites.run(identityDown, "service", "list");
        CliRun probe = sites.run(sites.bare(), "peer", "list", "--diminet-url", nowhere);

        for (CliRun run : new CliRun[] {toSite, toIdentity, probe}) {
            assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE_OR_UNAUTHENTICATED);
            assertThat(run.err()).contains("cannot reach " + nowhere, "connection refused");
        }
    }

    @Test
    void missingSettingsAreUsageErrorsNamingTheOptionAndVariable() {
        CliRun nothing = sites.run(sites.bare(), "service", "list");
        CliRun noCredentials = sites.run(sites.bare(), "service", "list", "--diminet-url", sites.url(0));
        CliRun noPassword = sites.run(sites.bare(), "service", "list", "--os-auth-url", sites.url(0), "--os-username", ALICE);

        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).contains("which DIMINET site? give --diminet-url (or DIMINET_URL), or --os-auth-url (or OS_AUTH_URL)");
        assertThat(noCredentials.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noCredentials.err()).contains("no credentials: give --os-token (or OS_TOKEN), or --os-auth-url (or OS_AUTH_URL)");
        assertThat(noPassword.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noPassword.err()).contains("missing --os-password (or OS_PASSWORD), needed to log in as alice");
        assertThat(sites.run(sites.bare(), "region", "--diminet-url", sites.url(0)).exitCode())
                .as("the region needs no credentials").isZero();
    }
}
