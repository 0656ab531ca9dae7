package org.diminet.server.web.neutron;

import java.nio.file.Path;
import org.diminet.openstack.neutron.NeutronApiContract;
import org.diminet.server.launcher.LocalIdentity;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Neutron REST contract against a started site's embedded Neutron (its lab twin is NeutronApiContractLabTest). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedNeutronApiContractTest extends NeutronApiContract {
    private static final String PROJECT = "contract-admins";
    private static final LocalIdentity IDENTITY = EmbeddedNeutronSite.identity("contract-admin", PROJECT);
    private static final String TOKEN = IDENTITY.tokenFor("contract-admin");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        EmbeddedNeutronSite.register(registry, IDENTITY, PROJECT, () -> dataDir, "neutron-contract");
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
