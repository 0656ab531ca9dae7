package org.diminet.server.web.neutron;

import java.nio.file.Path;
import org.diminet.server.launcher.LocalIdentity;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link NeutronRouterApiContract} against a site's embedded Neutron, over real HTTP with the site's own tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedNeutronRouterApiTest extends NeutronRouterApiContract {
    private static final String ADMIN_PROJECT = "admin-project";
    private static final LocalIdentity IDENTITY = EmbeddedNeutronSite.identity("root", ADMIN_PROJECT);

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        EmbeddedNeutronSite.register(registry, IDENTITY, "site-project", () -> dataDir, "neutron-router-test");
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
