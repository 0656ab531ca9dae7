package org.diminet.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * {@code REGION=NETWORK_ID} (a site and its network) or {@code REGION} (a site of an L2 extension,
 * where DIMINET makes the network), as {@code --resource} and {@code --site} take them.
 */
record ResourceArgument(String region, Optional<String> network) {

    static ResourceArgument parse(String text) {
        int equals = text.indexOf('=');
        String region = (equals < 0 ? text : text.substring(0, equals)).strip();
        if (region.isEmpty()) {
            throw new UsageError("'" + text + "' names no region; write REGION=NETWORK_ID or REGION");
        }
        String network = equals < 0 ? "" : text.substring(equals + 1).strip();
        return new ResourceArgument(region, network.isEmpty() ? Optional.empty() : Optional.of(network));
    }

    static ResourceArgument siteOnly(String region) {
        if (region.contains("=")) {
            throw new UsageError("--site takes a region only, got '" + region + "'; use --resource REGION=NETWORK_ID");
        }
        return parse(region);
    }

    /** The North API's {@code {"region", "network"}}. */
    ObjectNode toJson() {
        ObjectNode node = HttpJson.JSON.createObjectNode().put("region", region);
        network.ifPresent(id -> node.put("network", id));
        return node;
    }
}
