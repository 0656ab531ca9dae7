package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.regionOnly;
import static org.diminet.server.it.SiteClient.resource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.diminet.server.persistence.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sites whose store is PostgreSQL instead of the embedded H2 file, configured only through the
 * documented Spring properties (one schema per site in database {@code test} of {@link TestPostgres}'s
 * server: the local one on 127.0.0.1:5432 when it answers, else an embedded one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSitesIntegrationTest {
    private final String schema = TestPostgres.newSchemaName("diminet_it");
    private MultiSiteCluster cluster;

    @BeforeAll
    void startSites() throws Exception {
        cluster = MultiSiteCluster.start(2, region -> Map.of(
                "spring.datasource.url", TestPostgres.jdbcUrl(schemaOf(region)),
                "spring.flyway.schemas", schemaOf(region),
                "spring.datasource.username", TestPostgres.user()));
    }

    @AfterAll
    void dropSchemas() throws Exception {
        if (cluster == null) {
            return;
        }
        cluster.close();
        for (String region : cluster.regions()) {
            TestPostgres.dropSchema(schemaOf(region));
        }
    }

    /** One schema per site, lower case so PostgreSQL's unquoted identifiers match. */
    private String schemaOf(String region) {
        return schema + "_" + region.toLowerCase();
    }

    @Test
    void servicesAreStoredInPostgresAndSurviveARestart() throws Exception {
        String network = cluster.site(0).createNetwork("pg-ext", "172.28.0.0/24");
        String id = check(cluster.site(0).create("pg-ext", "L2", resource("RegionOne", network),
                regionOnly("RegionTwo")), 201).text("global_id");

        try (Connection c = TestPostgres.connect();
             ResultSet rows = c.createStatement().executeQuery(
                     "SELECT name, state FROM " + schemaOf("RegionOne") + ".services WHERE global_id = '" + id + "'")) {
            assertThat(rows.next()).as("the service row is in RegionOne's PostgreSQL schema").isTrue();
            assertThat(rows.getString("name")).isEqualTo("pg-ext");
            assertThat(rows.getString("state")).isEqualTo("ACTIVE");
        }
        cluster.restart("RegionOne");
        assertThat(check(cluster.site(0).get(id), 200).text("state")).isEqualTo("ACTIVE");
        assertThat(cluster.site(0).delete(id).status()).isEqualTo(204);
        assertThat(cluster.site(1).get(id).status()).isEqualTo(404);
    }
}
