package org.diminet.openstack.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.vim.Vim;
import org.diminet.core.vim.VimContractTest;
import org.diminet.core.vim.VimPort;
import org.diminet.openstack.keystone.KeystoneSession;
import org.diminet.openstack.neutron.NeutronClient;
import org.diminet.openstack.neutron.NeutronVim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The VIM contract, against the lab's real Neutron of RegionTwo. */
@Tag("lab")
class NeutronVimContractTest extends VimContractTest {
    private static final Region REGION = Region.of("RegionTwo");
    private static KeystoneSession session;
    private static NeutronClient neutron;
    private static NeutronVim vim;

    @BeforeAll
    static void connect() {
        session = LabEnv.get().newSession();
        neutron = new NeutronClient(session, REGION);
        vim = new NeutronVim(neutron);
    }

    @AfterAll
    static void oneTokenForTheWholeClass() {
        Assertions.assertEquals(1, session.tokensIssued(), "tokens issued for the whole contract run");
    }

    @Override
    protected Vim vim() {
        return vim;
    }

    @Override
    protected VimPort createUserPort(NetworkId network) {
        ObjectNode body = NeutronClient.object();
        body.putObject("port").put("network_id", network.value()).put("device_owner", "compute:nova")
                .put("name", "contract-port");
        JsonNode port = neutron.post("/ports", body).path("port");
        List<String> ips = new ArrayList<>();
        port.path("fixed_ips").forEach(ip -> ips.add(ip.path("ip_address").asText()));
        return vim.portsOf(network).stream().filter(p -> p.id().equals(port.path("id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("created port " + port + " is not listed; fixed ips " + ips));
    }

    @Override
    protected void deleteUserPort(VimPort port) {
        neutron.delete("/ports/" + port.id());
    }

    @Override
    protected List<NetworkId> networksNamed(String name) {
        return neutron.list("/networks?" + NeutronClient.query("name", name), "networks").stream()
                .map(n -> NetworkId.of(n.path("id").asText())).toList();
    }
}
