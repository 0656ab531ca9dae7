package org.diminet.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.diminet.core.domain.Region;
import org.diminet.openstack.keystone.KeystoneSession;
import org.diminet.openstack.neutron.NeutronClient;

/**
 * One lab region's Neutron, read and written directly as a user or operator would (not through
 * DIMINET), to check what DIMINET really did there.
 */
final class LabNeutron {
    final Region region;
    private final NeutronClient neutron;

    LabNeutron(KeystoneSession session, Region region) {
        this.region = region;
        this.neutron = new NeutronClient(session, region);
    }

    /** A user's network with one subnet (Neutron's defaults for gateway and pools). */
    String createNetwork(String name, String cidr) {
        ObjectNode network = NeutronClient.object();
        network.putObject("network").put("name", name);
        String id = neutron.post("/networks", network).get("network").get("id").asText();
        ObjectNode subnet = NeutronClient.object();
        subnet.putObject("subnet").put("network_id", id).put("cidr", cidr).put("ip_version", cidr.contains(":") ? 6 : 4)
                .put("name", name + "-subnet");
        neutron.post("/subnets", subnet);
        return id;
    }

    /** The network as Neutron shows it to this session (owner, shared, subnets). */
    JsonNode network(String id) {
        return neutron.get("/networks/" + id).get("network");
    }

    void deleteNetwork(String id) {
        neutron.delete("/networks/" + id);
    }

    List<JsonNode> subnetsOf(String network) {
        return neutron.list("/subnets?network_id=" + network, "subnets");
    }

    List<JsonNode> bgpvpns() {
        return neutron.list("/bgpvpn/bgpvpns", "bgpvpns");
    }

    JsonNode bgpvpnNamed(String name) {
        return bgpvpns().stream().filter(b -> b.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(region + " has no BGPVPN named " + name));
    }

    String createPort(String network) {
        ObjectNode port = NeutronClient.object();
        port.putObject("port").put("network_id", network).put("device_owner", "compute:nova").put("name", "vm");
        return neutron.post("/ports", port).get("port").get("id").asText();
    }

    void deletePort(String id) {
        neutron.delete("/ports/" + id);
    }

    /** Every network, subnet, BGPVPN and network association id in this Neutron, to compare before/after. */
    Set<String> inventory() {
        Set<String> ids = new TreeSet<>();
        neutron.list("/networks", "networks").forEach(n -> ids.add("network " + n.get("id").asText()));
        neutron.list("/subnets", "subnets").forEach(s -> ids.add("subnet " + s.get("id").asText()
                + " pools " + s.get("allocation_pools")));
        for (JsonNode bgpvpn : bgpvpns()) {
            ids.add("bgpvpn " + bgpvpn.get("id").asText());
            bgpvpn.get("networks").forEach(n -> ids.add("association " + bgpvpn.get("id").asText() + "/" + n.asText()));
        }
        return ids;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
