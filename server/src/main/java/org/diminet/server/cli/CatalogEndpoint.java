package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds a region's DIMINET in Keystone's service catalog: the endpoint of service type
 * {@value #SERVICE_TYPE} (how sites register DIMINET, see README "Running beside OpenStack") with the
 * wanted interface, in the wanted region, or the only one when no region is named.
 */
final class CatalogEndpoint {
    static final String SERVICE_TYPE = "intersite";

    private CatalogEndpoint() {
    }

    /**
     * @return empty when the catalog has no DIMINET endpoint at all
     * @throws UsageError when it has several and no region says which, or none in the named region
     */
    static Optional<String> find(JsonNode catalog, Optional<String> region, String endpointInterface) {
        List<JsonNode> endpoints = new ArrayList<>();
        for (JsonNode service : catalog) {
            if (SERVICE_TYPE.equals(service.path("type").asText())) {
                for (JsonNode endpoint : service.path("endpoints")) {
                    if (endpointInterface.equals(endpoint.path("interface").asText())) {
                        endpoints.add(endpoint);
                    }
                }
            }
        }
        if (endpoints.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> regions = new TreeSet<>();
        endpoints.forEach(e -> regions.add(regionOf(e)));
        if (region.isPresent()) {
            return Optional.of(endpoints.stream().filter(e -> regionOf(e).equals(region.get())).findFirst()
                    .orElseThrow(() -> new UsageError("the catalog has no " + endpointInterface + " DIMINET ('"
                            + SERVICE_TYPE + "') endpoint in region " + region.get() + "; it has " + regions))
                    .path("url").asText());
        }
        if (endpoints.size() > 1) {
            throw new UsageError("the catalog has DIMINET in " + regions + ": choose one with "
                    + Setting.REGION_NAME.howToGive());
        }
        return Optional.of(endpoints.get(0).path("url").asText());
    }

    private static String regionOf(JsonNode endpoint) {
        String region = endpoint.path("region_id").asText("");
        return region.isEmpty() ? endpoint.path("region").asText("") : region;
    }
}
