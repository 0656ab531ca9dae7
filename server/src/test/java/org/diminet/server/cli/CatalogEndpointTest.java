package org.diminet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Choosing DIMINET's endpoint in a Keystone catalog. */
class CatalogEndpointTest {
    private static final JsonNode CATALOG = parse("""
            [{"type": "network", "endpoints": [{"interface": "public", "region_id": "RegionOne", "url": "http://n1:9696"}]},
             {"type": "intersite", "name": "diminet", "endpoints": [
               {"interface": "public", "region_id": "RegionOne", "url": "http://d1:7575"},
               {"interface": "internal", "region_id": "RegionOne", "url": "http://10.0.0.1:7575"},
               {"interface": "public", "region": "RegionTwo", "url": "http://d2:7575"}]}]
            """);

    private static JsonNode parse(String json) {
        try {
            return HttpJson.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theNamedRegionAndInterface() {
        assertThat(CatalogEndpoint.find(CATALOG, Optional.of("RegionOne"), "public")).contains("http://d1:7575");
        assertThat(CatalogEndpoint.find(CATALOG, Optional.of("RegionOne"), "internal")).contains("http://10.0.0.1:7575");
        assertThat(CatalogEndpoint.find(CATALOG, Optional.of("RegionTwo"), "public"))
                .as("older catalogs name the region in 'region'").contains("http://d2:7575");
    }

    @Test
    void theOnlyOneWhenNoRegionIsNamed() {
        assertThat(CatalogEndpoint.find(CATALOG, Optional.empty(), "internal")).contains("http://10.0.0.1:7575");
        assertThatThrownBy(() -> CatalogEndpoint.find(CATALOG, Optional.empty(), "public"))
                .isInstanceOf(UsageError.class).hasMessageContaining("[RegionOne, RegionTwo]");
    }

    @Test
    void noneWithoutAnIntersiteService() {
        assertThat(CatalogEndpoint.find(parse("[]"), Optional.of("RegionOne"), "public")).isEmpty();
        assertThatThrownBy(() -> CatalogEndpoint.find(CATALOG, Optional.of("RegionTwo"), "internal"))
                .isInstanceOf(UsageError.class).hasMessageContaining("no internal DIMINET ('intersite') endpoint in region RegionTwo");
    }
}
