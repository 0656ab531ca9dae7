package org.diminet.openstack.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.VimException;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.VimNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Owners and sharing as NeutronVim sends and reads them, against a scripted Neutron. */
class NeutronVimOwnershipTest {
    private static final Region TWO = Region.of("RegionTwo");
    private static final String NET = "6a1b3c4d-0000-4000-8000-000000000001";
    private static final String SUB = "6a1b3c4d-0000-4000-8000-000000000002";
    private static final String USER_PROJECT = "0f5e4d3c2b1a";

    private final ScriptedNeutron neutron = new ScriptedNeutron();
    private final NeutronVim vim = new NeutronVim(neutron.client(TWO));

    @AfterEach
    void stop() {
        neutron.close();
    }

    @Test
    void createNetworkWithSubnet_namesTheProject_onTheNetworkAndTheSubnet() {
        neutron.on("POST", "/networks", 201, network("\"project_id\":\"" + USER_PROJECT + "\",\"shared\":false"))
                .on("POST", "/subnets", 201, """
                        {"subnet":{"id":"%s","network_id":"%s","project_id":"%s","cidr":"10.0.0.0/24",
                                   "gateway_ip":"10.0.0.1","allocation_pools":[{"start":"10.0.0.2","end":"10.0.0.254"}]}}
                        """.formatted(SUB, NET, USER_PROJECT));

        VimNetwork created = vim.createNetworkWithSubnet("svc", USER_PROJECT,
                new SubnetSpec(Cidr.of("10.0.0.0/24"), "10.0.0.1", List.of()));

        assertThat(created.project()).isEqualTo(USER_PROJECT);
        assertThat(created.shared()).isFalse();
        assertThat(created.subnetIds()).containsExactly(SUB);
        List<ScriptedNeutron.Request> sent = neutron.requests();
        assertThat(sent).extracting(ScriptedNeutron.Request::method).containsExactly("POST", "POST");
        assertThat(sent.get(0).body().at("/network/project_id").asText()).isEqualTo(USER_PROJECT);
        assertThat(sent.get(0).body().at("/network/name").asText()).isEqualTo("svc");
        assertThat(sent.get(1).body().at("/subnet/project_id").asText()).isEqualTo(USER_PROJECT);
        assertThat(sent.get(1).body().at("/subnet/network_id").asText()).isEqualTo(NET);
    }

    @Test
    void findNetwork_readsOwnerAndSharing() {
        neutron.on("GET", "/networks/" + NET, 200, network("\"project_id\":\"p1\",\"tenant_id\":\"p1\",\"shared\":true"));

        assertThat(vim.findNetwork(NetworkId.of(NET))).hasValueSatisfying(n -> {
            assertThat(n.project()).isEqualTo("p1");
            assertThat(n.shared()).isTrue();
        });
    }

    @Test
    void anOlderNeutron_withOnlyTenantId_isRead() {
        neutron.on("GET", "/networks/" + NET, 200, network("\"tenant_id\":\"p2\""));

        assertThat(vim.findNetwork(NetworkId.of(NET))).hasValueSatisfying(n -> {
            assertThat(n.project()).isEqualTo("p2");
            assertThat(n.shared()).as("absent means not shared").isFalse();
        });
    }

    @Test
    void aNetworkWithoutOwner_isAFailureOfTheSite() {
        neutron.on("GET", "/networks/" + NET, 200, network("\"shared\":false"));

        assertThatThrownBy(() -> vim.findNetwork(NetworkId.of(NET)))
                .isInstanceOf(VimException.class)
                .hasMessageStartingWith("VIM of RegionTwo: Neutron sent a network DIMINET cannot read (no project_id or tenant_id)");
    }

    private static String network(String ownership) {
        return "{\"network\":{\"id\":\"" + NET + "\",\"name\":\"svc\",\"subnets\":[]," + ownership + "}}";
    }
}
