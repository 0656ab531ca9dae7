package org.diminet.server.web.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.web.neutron.NeutronCalls.ids;
import static org.diminet.server.web.neutron.NeutronCalls.obj;
import static org.diminet.server.web.neutron.NeutronCalls.wrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.diminet.server.web.neutron.NeutronCalls.Answer;
import org.diminet.core.domain.Caller;
import org.diminet.core.domain.Region;
import org.diminet.vim.embedded.EmbeddedVim;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Neutron's default policy for routers, external networks and agents between projects, with the caller set as
 * the authentication filter would set it (the controllers alone, over MockMvc): a router is its project's, the
 * admin-only parts of a gateway and of {@code router:external} are refused to others, an external network is
 * seen by every project but its subnets are not.
 */
class NeutronRouterProjectsTest {
    private static final Caller ALICE = new Caller("alice", "project-alice", false, Caller.Credential.NONE);
    private static final Caller BOB = new Caller("bob", "project-bob", false, Caller.Credential.NONE);
    private static final Caller ADMIN = new Caller("admin", "project-admin", true, Caller.Credential.NONE);

    private final EmbeddedVim vim = new EmbeddedVim(Region.of("RegionOne"));
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new NeutronController(vim), new NeutronRouterController(vim),
                    new NeutronAgentController())
            .setControllerAdvice(new NeutronErrorAdvice()).build();
    private final NeutronCalls calls = new NeutronCalls(mvc);

    @Test
    void aRouter_isSeenAndChangedByItsProjectAndAdminsOnly() {
        String router = created(ALICE, "/routers", wrap("router", obj().put("name", "edge")), "router");
        String network = created(ALICE, "/networks", wrap("network", obj().put("name", "a")), "network");
        String subnet = created(ALICE, "/subnets", wrap("subnet", obj().put("network_id", network).put("cidr", "10.0.0.0/24")), "subnet");

        assertThat(ids(calls.send(BOB, "GET", "/routers", null), "routers")).isEmpty();
        assertThat(ids(calls.send(ADMIN, "GET", "/routers", null), "routers")).containsExactly(router);
        String hidden = "Router " + router + " could not be found";
        assertError(calls.send(BOB, "GET", "/routers/" + router, null), 404, "RouterNotFound", hidden);
        assertError(calls.send(BOB, "PUT", "/routers/" + router, wrap("router", obj().put("name", "x"))), 404, "RouterNotFound", hidden);
        assertError(calls.send(BOB, "PUT", "/routers/" + router + "/add_router_interface", obj().put("subnet_id", subnet)),
                404, "RouterNotFound", hidden);
        assertError(calls.send(BOB, "DELETE", "/routers/" + router, null), 404, "RouterNotFound", hidden);
        assertError(calls.send(ALICE, "POST", "/routers", wrap("router", obj().put("name", "x").put("project_id", "project-bob"))),
                403, "PolicyNotAuthorized", null);

        Answer forBob = calls.send(ADMIN, "POST", "/routers", wrap("router", obj().put("name", "bobs").put("project_id", "project-bob")));
        assertThat(forBob.body().at("/router/project_id").asText()).as(forBob.raw()).isEqualTo("project-bob");
        assertThat(ids(calls.send(BOB, "GET", "/routers", null), "routers")).containsExactly(forBob.body().at("/router/id").asText());
        assertThat(calls.send(ALICE, "PUT", "/routers/" + router + "/add_router_interface", obj().put("subnet_id", subnet)).status())
                .isEqualTo(200);
        assertThat(vim.routers().get(router).name()).isEqualTo("edge");
    }

    @Test
    void anInterface_goesOnlyOnTheCallersOwnSubnet_evenOnASharedNetwork() {
        String shared = created(ADMIN, "/networks", wrap("network", obj().put("name", "s").put("shared", true)), "network");
        String subnet = created(ADMIN, "/subnets", wrap("subnet", obj().put("network_id", shared).put("cidr", "10.0.0.0/24")), "subnet");
        String router = created(ALICE, "/routers", wrap("router", obj().put("name", "edge")), "router");

        assertError(calls.send(ALICE, "PUT", "/routers/" + router + "/add_router_interface", obj().put("subnet_id", subnet)),
                400, "BadRequest", "Bad router request: Cannot add interface to router because subnet " + subnet
                        + " is not owned by project making the request.");
        String bobs = created(BOB, "/networks", wrap("network", obj().put("name", "b")), "network");
        String bobsSubnet = created(BOB, "/subnets", wrap("subnet", obj().put("network_id", bobs).put("cidr", "10.1.0.0/24")), "subnet");
        assertError(calls.send(ALICE, "PUT", "/routers/" + router + "/add_router_interface", obj().put("subnet_id", bobsSubnet)),
                404, "SubnetNotFound", null);
        assertThat(vim.ports().list(java.util.Optional.empty())).isEmpty();
    }

    @Test
    void onlyAdmins_makeNetworksExternal_whichEveryProjectThenSees_butNotTheirSubnets() {
        assertError(calls.send(ALICE, "POST", "/networks", wrap("network", obj().put("name", "x").put("router:external", true))),
                403, "PolicyNotAuthorized", null);
        String mine = created(ALICE, "/networks", wrap("network", obj().put("name", "mine").put("router:external", false)),
                "network");
        assertError(calls.send(ALICE, "PUT", "/networks/" + mine, wrap("network", obj().put("router:external", true))),
                403, "PolicyNotAuthorized", null);
        assertThat(vim.externalNetworks().ids()).isEmpty();

        String external = created(ADMIN, "/networks", wrap("network", obj().put("name", "public").put("router:external", true)), "network");
        String subnet = created(ADMIN, "/subnets", wrap("subnet", obj().put("network_id", external).put("cidr", "172.24.4.0/24")), "subnet");

        assertThat(ids(calls.send(BOB, "GET", "/networks", null), "networks")).containsExactly(external);
        JsonNode seen = calls.send(BOB, "GET", "/networks/" + external, null).body().get("network");
        assertThat(seen.get("router:external").asBoolean()).isTrue();
        assertThat(seen.get("shared").asBoolean()).isFalse();
        assertThat(ids(calls.send(BOB, "GET", "/subnets", null), "subnets")).isEmpty();
        assertError(calls.send(BOB, "GET", "/subnets/" + subnet, null), 404, "SubnetNotFound", null);
        assertThat(ids(calls.send(ALICE, "GET", "/networks?router:external=false", null), "networks")).containsExactly(mine);
    }

    @Test
    void anyProject_putsItsRoutersGatewayOnAnExternalNetwork_butOnlyAdminsChooseItsAddressOrSnat() {
        String external = created(ADMIN, "/networks", wrap("network", obj().put("name", "public").put("router:external", true)), "network");
        created(ADMIN, "/subnets", wrap("subnet", obj().put("network_id", external).put("cidr", "172.24.4.0/24")), "subnet");
        String router = created(ALICE, "/routers", wrap("router", obj().put("name", "edge")), "router");

        ObjectNode snat = obj().put("network_id", external).put("enable_snat", false);
        assertError(calls.send(ALICE, "PUT", "/routers/" + router, wrap("router", obj().set("external_gateway_info", snat))),
                403, "PolicyNotAuthorized", "rule:update_router:external_gateway_info:enable_snat is disallowed by policy"
                        + " (only an admin may set enable_snat)");
        ObjectNode address = obj().put("network_id", external);
        address.putArray("external_fixed_ips").add(obj().put("ip_address", "172.24.4.9"));
        assertError(calls.send(ALICE, "POST", "/routers", wrap("router", obj().put("name", "x").set("external_gateway_info", address))),
                403, "PolicyNotAuthorized", null);

        Answer withGateway = calls.send(ALICE, "PUT", "/routers/" + router,
                wrap("router", obj().set("external_gateway_info", obj().put("network_id", external))));

        assertThat(withGateway.status()).as(withGateway.raw()).isEqualTo(200);
        assertThat(withGateway.body().at("/router/external_gateway_info/network_id").asText()).isEqualTo(external);
        assertThat(ids(calls.send(ALICE, "GET", "/ports", null), "ports")).as("the gateway port is no project's").isEmpty();
        assertThat(ids(calls.send(ADMIN, "GET", "/ports?device_owner=network:router_gateway", null), "ports")).hasSize(1);
    }

    @Test
    void agents_areNone_forAdminsAndUsers_andTheExtensionsSaySo() {
        for (Caller caller : List.of(ALICE, ADMIN)) {
            Answer agents = calls.send(caller, "GET", "/agents", null);
            assertThat(agents.status()).isEqualTo(200);
            assertThat(agents.body().get("agents")).isEmpty();
        }
        assertError(calls.send(ADMIN, "PUT", "/agents/abc", wrap("agent", obj().put("admin_state_up", false))), 404,
                "AgentNotFound", "Agent abc could not be found.");
        assertError(calls.send(ADMIN, "DELETE", "/agents/abc", null), 404, "AgentNotFound", null);
        assertError(calls.send(ALICE, "GET", "/extensions/dvr", null), 404, "HTTPNotFound", "Extension with alias dvr does not exist");
        assertThat(calls.send(ALICE, "GET", "/extensions/external-net", null).body().at("/extension/alias").asText())
                .isEqualTo("external-net");
    }

    // ---------------------------------------------------------------------------------------------

    private String created(Caller caller, String path, ObjectNode body, String key) {
        Answer answer = calls.send(caller, "POST", path, body);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body().at("/" + key + "/id").asText();
    }

    private static void assertError(Answer answer, int status, String type, String message) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        JsonNode error = answer.body().get("NeutronError");
        assertThat(error).as(answer.raw()).isNotNull();
        assertThat(error.get("type").asText()).as(answer.raw()).isEqualTo(type);
        if (message != null) {
            assertThat(error.get("message").asText()).isEqualTo(message);
        }
    }
}
