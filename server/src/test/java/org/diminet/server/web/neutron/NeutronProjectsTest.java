package org.diminet.server.web.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.web.neutron.NeutronCalls.ids;
import static org.diminet.server.web.neutron.NeutronCalls.obj;
import static org.diminet.server.web.neutron.NeutronCalls.wrap;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.diminet.server.web.neutron.NeutronCalls.Answer;
import org.diminet.core.domain.Caller;
import org.diminet.core.domain.Region;
import org.diminet.server.auth.RequestIdentity;
import org.diminet.vim.embedded.EmbeddedVim;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Neutron's default policy on the facade: what each project sees and may do, with the caller set as the
 * authentication filter would set it. No server and no filter: the controller alone, over MockMvc.
 */
class NeutronProjectsTest {
    private static final Caller ALICE = user("alice", "project-alice", false);
    private static final Caller BOB = user("bob", "project-bob", false);
    private static final Caller CAROL = user("carol", "project-carol", false);
    private static final Caller ADMIN = user("admin", "project-admin", true);

    private final EmbeddedVim vim = new EmbeddedVim(Region.of("RegionOne"));
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new NeutronController(vim))
            .setControllerAdvice(new NeutronErrorAdvice()).build();
    private final NeutronCalls calls = new NeutronCalls(mvc);

    @Test
    void twoProjects_doNotSeeEachOthersNetworks() {
        String alices = createNetwork(ALICE, obj().put("name", "a"));
        String bobs = createNetwork(BOB, obj().put("name", "b"));

        assertThat(ids(calls.send(ALICE, "GET", "/networks", null), "networks")).containsExactly(alices);
        assertThat(ids(calls.send(BOB, "GET", "/networks", null), "networks")).containsExactly(bobs);
        JsonNode shown = calls.send(ALICE, "GET", "/networks/" + alices, null).body().get("network");
        assertThat(shown.get("project_id").asText()).isEqualTo("project-alice");
        assertThat(shown.get("tenant_id").asText()).isEqualTo("project-alice");
        Answer hidden = calls.send(ALICE, "GET", "/networks/" + bobs, null);
        assertNeutronError(hidden, 404, "NetworkNotFound", "Network " + bobs + " could not be found.");
        assertThat(ids(calls.send(ALICE, "GET", "/networks?project_id=project-bob", null), "networks")).isEmpty();
    }

    @Test
    void subnetsAndPorts_ofAnotherProjectsNetwork_areHiddenToo() {
        String network = createNetwork(ALICE, obj().put("name", "a"));
        String subnet = createSubnet(ALICE, network, "10.0.0.0/24");
        String port = createPort(ALICE, obj().put("network_id", network));

        assertThat(ids(calls.send(BOB, "GET", "/subnets", null), "subnets")).isEmpty();
        assertThat(ids(calls.send(BOB, "GET", "/ports", null), "ports")).isEmpty();
        assertNeutronError(calls.send(BOB, "GET", "/subnets/" + subnet, null), 404, "SubnetNotFound", null);
        assertNeutronError(calls.send(BOB, "GET", "/ports/" + port, null), 404, "PortNotFound", null);
        assertNeutronError(calls.send(BOB, "POST", "/subnets", wrap("subnet", obj().put("network_id", network)
                .put("cidr", "10.9.0.0/24"))), 404, "NetworkNotFound", null);
        assertNeutronError(calls.send(BOB, "POST", "/ports", wrap("port", obj().put("network_id", network))),
                404, "NetworkNotFound", null);
        assertThat(ids(calls.send(ALICE, "GET", "/subnets", null), "subnets")).containsExactly(subnet);
        JsonNode alicesPort = calls.send(ALICE, "GET", "/ports/" + port, null).body().get("port");
        assertThat(alicesPort.get("project_id").asText()).isEqualTo("project-alice");
    }

    @Test
    void anAdmin_seesEveryProjectsResources() {
        String alices = createNetwork(ALICE, obj().put("name", "a"));
        String bobs = createNetwork(BOB, obj().put("name", "b"));
        String subnet = createSubnet(BOB, bobs, "10.0.0.0/24");
        String port = createPort(BOB, obj().put("network_id", bobs));

        assertThat(ids(calls.send(ADMIN, "GET", "/networks", null), "networks")).containsExactly(alices, bobs);
        assertThat(ids(calls.send(ADMIN, "GET", "/networks?tenant_id=project-bob", null), "networks")).containsExactly(bobs);
        assertThat(ids(calls.send(ADMIN, "GET", "/subnets", null), "subnets")).containsExactly(subnet);
        assertThat(ids(calls.send(ADMIN, "GET", "/ports", null), "ports")).containsExactly(port);
        assertThat(calls.send(ADMIN, "GET", "/networks/" + alices, null).status()).isEqualTo(200);
        assertThat(calls.send(ADMIN, "PUT", "/networks/" + alices, wrap("network", obj().put("name", "renamed")))
                .body().at("/network/name").asText()).isEqualTo("renamed");
    }

    @Test
    void aSharedNetwork_isSeenByAll_andTakesTheirPorts_butStaysItsOwners() {
        String shared = createNetwork(ADMIN, obj().put("name", "public").put("project_id", "project-alice").put("shared", true));
        String subnet = createSubnet(ALICE, shared, "10.0.0.0/24");

        assertThat(ids(calls.send(BOB, "GET", "/networks", null), "networks")).containsExactly(shared);
        JsonNode seen = calls.send(BOB, "GET", "/networks/" + shared, null).body().get("network");
        assertThat(seen.get("shared").asBoolean()).isTrue();
        assertThat(seen.get("project_id").asText()).isEqualTo("project-alice");
        assertThat(ids(calls.send(BOB, "GET", "/subnets", null), "subnets")).containsExactly(subnet);

        Answer bobsPort = calls.send(BOB, "POST", "/ports", wrap("port", obj().put("network_id", shared).put("device_owner", "compute:nova")));
        assertThat(bobsPort.status()).as(bobsPort.raw()).isEqualTo(201);
        assertThat(bobsPort.body().at("/port/project_id").asText()).as("the creator's, not the network's").isEqualTo("project-bob");
        assertThat(bobsPort.body().at("/port/fixed_ips/0/subnet_id").asText()).isEqualTo(subnet);
        String portId = bobsPort.body().at("/port/id").asText();
        assertThat(ids(calls.send(ALICE, "GET", "/ports", null), "ports")).as("the network's owner sees it").containsExactly(portId);
        assertThat(ids(calls.send(CAROL, "GET", "/ports", null), "ports")).as("a third project does not").isEmpty();

        // Seen but not theirs: Neutron answers 403, not 404.
        assertNeutronError(calls.send(BOB, "DELETE", "/networks/" + shared, null), 403, "PolicyNotAuthorized",
                "rule:delete_network is disallowed by policy (only the network's project may change it)");
        assertNeutronError(calls.send(BOB, "POST", "/subnets", wrap("subnet", obj().put("network_id", shared)
                .put("cidr", "10.1.0.0/24"))), 403, "PolicyNotAuthorized", null);
        assertNeutronError(calls.send(BOB, "DELETE", "/subnets/" + subnet, null), 403, "PolicyNotAuthorized", null);
        ObjectNode chosen = obj().put("network_id", shared);
        chosen.putArray("fixed_ips").add(obj().put("ip_address", "10.0.0.100"));
        assertNeutronError(calls.send(BOB, "POST", "/ports", wrap("port", chosen)), 403, "PolicyNotAuthorized",
                "rule:create_port:fixed_ips:ip_address is disallowed by policy (only the network's project may choose"
                        + " a port's address on it)");
        assertNeutronError(calls.send(BOB, "POST", "/ports", wrap("port", obj().put("network_id", shared)
                .put("device_owner", "network:dhcp"))), 403, "PolicyNotAuthorized", null);
        assertThat(calls.send(BOB, "DELETE", "/ports/" + portId, null).status()).isEqualTo(204);
    }

    @Test
    void creatingForAnotherProject_orShared_isRefused_forNonAdmins() {
        assertNeutronError(calls.send(ALICE, "POST", "/networks", wrap("network", obj().put("name", "x").put("project_id", "project-bob"))),
                403, "PolicyNotAuthorized", "Specifying 'project_id' or 'tenant_id' other than the authenticated"
                        + " project (project-alice) in request requires admin privileges");
        assertNeutronError(calls.send(ALICE, "POST", "/networks", wrap("network", obj().put("name", "x").put("tenant_id", "project-bob"))),
                403, "PolicyNotAuthorized", null);
        assertNeutronError(calls.send(ALICE, "POST", "/networks", wrap("network", obj().put("name", "x").put("shared", true))),
                403, "PolicyNotAuthorized", "rule:create_network:shared is disallowed by policy (only an admin may"
                        + " create a shared network)");
        assertNeutronError(calls.send(ALICE, "POST", "/networks", wrap("network", obj().put("name", "x")
                .put("project_id", "project-alice").put("tenant_id", "project-bob"))), 400, "HTTPBadRequest",
                "'project_id' and 'tenant_id' do not match");
        assertThat(vim.networks().list()).isEmpty();

        String network = createNetwork(ALICE, obj().put("name", "mine").put("project_id", "project-alice").put("shared", false));
        assertNeutronError(calls.send(ALICE, "POST", "/ports", wrap("port", obj().put("network_id", network)
                .put("project_id", "project-bob"))), 403, "PolicyNotAuthorized", null);
        assertNeutronError(calls.send(ALICE, "PUT", "/networks/" + network, wrap("network", obj().put("shared", true))),
                403, "PolicyNotAuthorized", "rule:update_network:shared is disallowed by policy (only an admin may"
                        + " share or unshare a network)");
        assertThat(vim.ports().list(java.util.Optional.empty())).isEmpty();
        assertThat(vim.networks().get(network).shared()).isFalse();
    }

    @Test
    void anAdmin_createsForAnotherProject_andShares() {
        Answer created = calls.send(ADMIN, "POST", "/networks", wrap("network", obj().put("name", "for-bob").put("project_id", "project-bob")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String network = created.body().at("/network/id").asText();
        assertThat(created.body().at("/network/project_id").asText()).isEqualTo("project-bob");
        assertThat(created.body().at("/network/tenant_id").asText()).isEqualTo("project-bob");
        Answer subnet = calls.send(ADMIN, "POST", "/subnets", wrap("subnet", obj().put("network_id", network)
                .put("cidr", "10.0.0.0/24").put("tenant_id", "project-bob")));
        assertThat(subnet.body().at("/subnet/project_id").asText()).isEqualTo("project-bob");

        assertThat(ids(calls.send(BOB, "GET", "/networks", null), "networks")).containsExactly(network);
        assertThat(ids(calls.send(ALICE, "GET", "/networks", null), "networks")).isEmpty();
        Answer shared = calls.send(ADMIN, "PUT", "/networks/" + network, wrap("network", obj().put("shared", true)));
        assertThat(shared.body().at("/network/shared").asBoolean()).isTrue();
        assertThat(ids(calls.send(ALICE, "GET", "/networks", null), "networks")).containsExactly(network);
        assertThat(calls.send(BOB, "DELETE", "/networks/" + network, null).status()).as("the owner may delete it").isEqualTo(204);
    }

    @Test
    void changingOrDeletingAnotherProjectsResources_isNotFound() {
        String network = createNetwork(ALICE, obj().put("name", "a"));
        String subnet = createSubnet(ALICE, network, "10.0.0.0/24");
        String port = createPort(ALICE, obj().put("network_id", network));

        assertNeutronError(calls.send(BOB, "DELETE", "/ports/" + port, null), 404, "PortNotFound", "Port " + port + " could not be found.");
        assertNeutronError(calls.send(BOB, "PUT", "/ports/" + port, wrap("port", obj().put("name", "x"))), 404, "PortNotFound", null);
        assertNeutronError(calls.send(BOB, "DELETE", "/subnets/" + subnet, null), 404, "SubnetNotFound", null);
        assertNeutronError(calls.send(BOB, "PUT", "/subnets/" + subnet, wrap("subnet", obj().put("name", "x"))), 404, "SubnetNotFound", null);
        assertNeutronError(calls.send(BOB, "DELETE", "/networks/" + network, null), 404, "NetworkNotFound",
                "Network " + network + " could not be found.");
        assertNeutronError(calls.send(BOB, "PUT", "/networks/" + network, wrap("network", obj().put("name", "x"))), 404, "NetworkNotFound", null);

        assertThat(vim.networks().get(network).name()).isEqualTo("a");
        assertThat(vim.subnets().get(subnet).name()).isEmpty();
        assertThat(vim.ports().get(port).name()).isEmpty();
        assertThat(calls.send(ALICE, "DELETE", "/ports/" + port, null).status()).isEqualTo(204);
        assertThat(calls.send(ALICE, "DELETE", "/networks/" + network, null).status()).isEqualTo(204);
    }

    @Test
    void withoutACaller_theSiteIsMisconfigured_soItIsAServerError() throws Exception {
        MockHttpServletResponse response = mvc.perform(request(HttpMethod.GET, "/neutron/v2.0/networks"))
                .andReturn().getResponse();

        Answer answer = Answer.of(response);
        assertNeutronError(answer, 500, "HTTPInternalServerError", null);
        assertThat(answer.raw()).doesNotContain(RequestIdentity.CALLER);
    }

    // ---------------------------------------------------------------------------------------------

    private String createNetwork(Caller caller, ObjectNode network) {
        Answer created = calls.send(caller, "POST", "/networks", wrap("network", network));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/network/id").asText();
    }

    private String createSubnet(Caller caller, String networkId, String cidr) {
        Answer created = calls.send(caller, "POST", "/subnets", wrap("subnet", obj().put("network_id", networkId).put("cidr", cidr)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/subnet/id").asText();
    }

    private String createPort(Caller caller, ObjectNode port) {
        Answer created = calls.send(caller, "POST", "/ports", wrap("port", port));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/port/id").asText();
    }

    private static void assertNeutronError(Answer answer, int status, String type, String message) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        JsonNode error = answer.body().get("NeutronError");
        assertThat(error).as(answer.raw()).isNotNull();
        assertThat(answer.body().size()).isEqualTo(1);
        assertThat(error.get("type").asText()).as(answer.raw()).isEqualTo(type);
        assertThat(error.get("detail").asText()).isEmpty();
        if (message != null) {
            assertThat(error.get("message").asText()).isEqualTo(message);
        }
    }


    private static Caller user(String name, String project, boolean admin) {
        return new Caller(name, project, admin, Caller.Credential.NONE);
    }
}
