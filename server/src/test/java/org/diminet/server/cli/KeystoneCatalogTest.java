package org.diminet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Beside OpenStack the client logs in at Keystone and finds each region's DIMINET in the catalog
 * (service type {@code intersite}), choosing with {@code --os-region-name} and {@code --os-interface}.
 */
@ExtendWith(CliSites.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeystoneCatalogTest {
    private CliSites.Sites sites;
    private FakeKeystone keystone;
    private String alicesToken;

    @BeforeAll
    void startKeystone() throws Exception {
        sites = CliSites.sites();
        alicesToken = sites.token(CliSites.ALICE);
        keystone = new FakeKeystone(alicesToken, Map.of("RegionOne", sites.url(0), "RegionTwo", sites.url(1)));
    }

    @AfterAll
    void stopKeystone() {
        keystone.close();
    }

    private Map<String, String> openrc() {
        Map<String, String> env = new HashMap<>(sites.bare());
        env.put("OS_AUTH_URL", keystone.authUrl());
        env.put("OS_USERNAME", "alice");
        env.put("OS_PASSWORD", "secret");
        env.put("OS_PROJECT_NAME", "project-a");
        env.put("OS_USER_DOMAIN_NAME", "Default");
        env.put("OS_PROJECT_DOMAIN_NAME", "Default");
        return env;
    }

    @Test
    void theRegionNamedPicksItsDiminetFromTheCatalog() {
        Map<String, String> env = openrc();
        env.put("OS_REGION_NAME", "RegionTwo");

        assertThat(sites.run(env, "region", "-f", "value").expect(0).out()).isEqualTo("RegionTwo\n");
        assertThat(sites.run(env, "region", "-f", "value", "--os-region-name", "RegionOne").expect(0).out())
                .isEqualTo("RegionOne\n");
        assertThat(sites.run(env, "service", "list", "-f", "json").expect(0).json().isArray()).isTrue();
    }

    @Test
    void aTokenWithoutPasswordReadsTheCatalogOfThatToken() {
        Map<String, String> env = new HashMap<>(sites.bare());
        env.put("OS_AUTH_URL", keystone.authUrl());
        env.put("OS_TOKEN", alicesToken);
        env.put("OS_REGION_NAME", "RegionTwo");

        assertThat(sites.run(env, "region", "-f", "value").expect(0).out()).isEqualTo("RegionTwo\n");
    }

    @Test
    void withSeveralRegionsAndNoneNamedTheClientAsksWhichOne() {
        CliRun run = sites.run(openrc(), "service", "list");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("the catalog has DIMINET in [RegionOne, RegionTwo]", "--os-region-name");
    }

    @Test
    void aRegionWithoutDiminetIsNamedWithTheOnesThatHaveIt() {
        CliRun run = sites.run(openrc(), "service", "list", "--os-region-name", "RegionNine");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no public DIMINET ('intersite') endpoint in region RegionNine", "[RegionOne, RegionTwo]");
    }

    @Test
    void theInterfaceChoosesTheEndpoint() {
        CliRun internal = sites.run(openrc(), "region", "--os-region-name", "RegionOne", "--os-interface", "internal");

        assertThat(internal.exitCode()).as("the internal endpoint is where this Keystone says").isEqualTo(3);
        assertThat(internal.err()).contains("cannot reach http://127.0.0.1:1");
    }

    @Test
    void wrongCredentialsAreRefusedWithKeystonesMessage() {
        Map<String, String> env = openrc();
        env.put("OS_PASSWORD", "guess");

        CliRun run = sites.run(env, "service", "list", "--os-region-name", "RegionOne");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE_OR_UNAUTHENTICATED);
        assertThat(run.err()).contains("refused the credentials of user alice", "requires authentication");
    }
}
