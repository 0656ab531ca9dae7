package org.diminet.openstack.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.diminet.core.domain.Region;
import org.diminet.openstack.keystone.KeystoneSession;
import org.diminet.openstack.neutron.NeutronApiContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The Neutron REST contract against the lab's real Neutron of its last region (the least used by other tests). */
@Tag("lab")
class NeutronApiContractLabTest extends NeutronApiContract {
    private static KeystoneSession session;
    private static String root;
    private static String project;

    @BeforeAll
    static void connect() throws Exception {
        LabEnv lab = LabEnv.get();
        session = lab.newSession();
        Region region = lab.regions().getLast();
        root = lab.neutronUrl(region).toString().replaceAll("/+$", "") + "/v2.0";
        // The token's own project, as Keystone describes the token.
        String token = session.token();
        HttpResponse<String> described = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(lab.value("OS_AUTH_URL").replaceAll("/+$", "") + "/auth/tokens"))
                .header("X-Auth-Token", token).header("X-Subject-Token", token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        project = new ObjectMapper().readTree(described.body()).at("/token/project/id").asText();
    }

    @Override
    protected String neutron() {
        return root;
    }

    @Override
    protected String adminToken() {
        return session.token();
    }

    @Override
    protected String callerProject() {
        return project;
    }

    @Override
    protected String otherProject() {
        return LabEnv.get().value("LAB_PROJECT_A_ID");
    }
}
