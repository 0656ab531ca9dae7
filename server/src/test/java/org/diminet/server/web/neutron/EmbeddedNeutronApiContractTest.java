package org.diminet.server.web.neutron;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.diminet.openstack.neutron.NeutronApiContract;
import org.diminet.server.launcher.LocalIdentity;
import org.diminet.server.settings.SiteProperties;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Neutron REST contract against a started site's embedded Neutron (its lab twin is NeutronApiContractLabTest). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedNeutronApiContractTest extends NeutronApiContract {
    private static final String PROJECT = "contract-admins";
    private static final LocalIdentity IDENTITY = new LocalIdentity(Base64.getEncoder().encodeToString(new byte[32]),
            List.of(new SiteProperties.User("contract-admin", "secret", PROJECT, List.of("admin")),
                    new SiteProperties.User("diminet-RegionOne", "secret", "service", List.of("service"))));
    private static final String TOKEN = IDENTITY.tokenFor("contract-admin");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        IDENTITY.settings().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("diminet.region", () -> "RegionOne");
        registry.add("diminet.project", () -> PROJECT);
        registry.add("diminet.data-dir", () -> dataDir.toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:neutron-contract;DB_CLOSE_DELAY=-1");
        // The contract calls faster than a user may (over 100 calls with one token in a second on a fast host).
        registry.add("diminet.auth.rate-limit", () -> "0");
    }

    @LocalServerPort
    int port;

    @Override
    protected String neutron() {
        return "http://127.0.0.1:" + port + "/neutron/v2.0";
    }

    @Override
    protected String adminToken() {
        return TOKEN;
    }

    @Override
    protected String callerProject() {
        return PROJECT;
    }

    @Override
    protected String otherProject() {
        return "contract-others";
    }
}
