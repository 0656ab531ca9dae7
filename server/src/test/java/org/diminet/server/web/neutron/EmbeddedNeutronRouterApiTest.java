package org.diminet.server.web.neutron;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.diminet.server.launcher.LocalIdentity;
import org.diminet.server.settings.SiteProperties;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link NeutronRouterApiContract} against a site's embedded Neutron, over real HTTP with the site's own tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedNeutronRouterApiTest extends NeutronRouterApiContract {
    private static final String ADMIN_PROJECT = "admin-project";
    private static final LocalIdentity IDENTITY = new LocalIdentity(Base64.getEncoder().encodeToString(new byte[32]), List.of(
            new SiteProperties.User("root", "secret", ADMIN_PROJECT, List.of("admin")),
            new SiteProperties.User("diminet-RegionOne", "secret", "service", List.of("service"))));

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        IDENTITY.settings().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("diminet.region", () -> "RegionOne");
        registry.add("diminet.project", () -> "site-project");
        registry.add("diminet.data-dir", () -> dataDir.toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:neutron-router-test;DB_CLOSE_DELAY=-1");
        // The contract calls faster than a user may (over 100 calls with one token in a second on a fast host).
        registry.add("diminet.auth.rate-limit", () -> "0");
    }

    @LocalServerPort
    int port;

    @Override
    protected String neutronUrl() {
        return "http://127.0.0.1:" + port + "/neutron";
    }

    @Override
    protected String adminToken() {
        return IDENTITY.tokenFor("root");
    }

    @Override
    protected String adminProject() {
        return ADMIN_PROJECT;
    }
}
