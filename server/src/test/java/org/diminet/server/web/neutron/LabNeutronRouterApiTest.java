package org.diminet.server.web.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.diminet.openstack.lab.LabEnv;
import org.junit.jupiter.api.Tag;

/**
 * {@link NeutronRouterApiContract} against the lab's real Neutron (RegionOne, with the {@code router} service
 * plugin lab/up configures), as the lab's admin: the reference the embedded Neutron is held to.
 */
@Tag("lab")
class LabNeutronRouterApiTest extends NeutronRouterApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile String[] token;

    private final LabEnv lab = LabEnv.get();

    @Override
    protected String neutronUrl() {
        return lab.value("NEUTRON_URL_RegionOne");
    }

    @Override
    protected String adminToken() {
        return issued()[0];
    }

    @Override
    protected String adminProject() {
        return issued()[1];
    }

    /** One password token for the class (Keystone's token and its project id), issued on first use. */
    private String[] issued() {
        if (token == null) {
            synchronized (LabNeutronRouterApiTest.class) {
                if (token == null) {
                    token = passwordToken();
                }
            }
        }
        return token;
    }

    private String[] passwordToken() {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\""
                + lab.value("OS_USERNAME") + "\",\"domain\":{\"id\":\"" + lab.value("OS_USER_DOMAIN_ID")
                + "\"},\"password\":\"" + lab.value("OS_PASSWORD") + "\"}}},\"scope\":{\"project\":{\"name\":\""
                + lab.value("OS_PROJECT_NAME") + "\",\"domain\":{\"id\":\"" + lab.value("OS_PROJECT_DOMAIN_ID") + "\"}}}}}";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(lab.value("OS_AUTH_URL") + "/auth/tokens"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Keystone refused the lab's admin: " + response.statusCode() + " " + response.body());
            }
            JsonNode issuedBody = JSON.readTree(response.body());
            return new String[]{response.headers().firstValue("X-Subject-Token").orElseThrow(),
                    issuedBody.at("/token/project/id").asText()};
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot reach the lab's Keystone: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
