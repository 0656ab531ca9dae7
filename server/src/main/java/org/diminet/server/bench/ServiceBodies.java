package org.diminet.server.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Request bodies of the North API: a create, and the resource list of an update. */
final class ServiceBodies {
    private ServiceBodies() {
    }

    /**
     * @param regions  the service's sites, the master first
     * @param networks the network named at each region that has one (L3: every region; L2: the master)
     */
    static ObjectNode create(String name, String type, List<String> regions, Map<String, String> networks) {
        ObjectNode body = BenchClient.JSON.createObjectNode().put("name", name).put("type", type);
        resources(body, regions, networks);
        return body;
    }

    static ObjectNode update(List<String> regions, Map<String, String> networks) {
        ObjectNode body = BenchClient.JSON.createObjectNode();
        resources(body, regions, networks);
        return body;
    }

    private static void resources(ObjectNode body, List<String> regions, Map<String, String> networks) {
        ArrayNode resources = body.putArray("resources");
        for (String region : regions) {
            ObjectNode resource = resources.addObject().put("region", region);
            String network = networks.get(region);
            if (network != null) {
                resource.put("network", network);
            }
        }
    }
}
