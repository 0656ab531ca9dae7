package org.diminet.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store contract on PostgreSQL, in a schema of its own that is dropped afterwards. The server is
 * {@link TestPostgres}'s: the local one on 127.0.0.1:5432 (database {@code test}, user
 * {@code postgres}, trust authentication) when it answers, else an embedded one.
 */
class PostgresServiceStoreTest extends ServiceStoreContractTest {
    private static final String SCHEMA = TestPostgres.newSchemaName("diminet_test");
    private static DataSource dataSource;

    @BeforeAll
    static void openDatabase() {
        dataSource = Databases.open(TestPostgres.jdbcUrl(), TestPostgres.user(), TestPostgres.password(),
                Optional.of(SCHEMA));
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (dataSource == null) {
            return;
        }
        Databases.close(dataSource);
        TestPostgres.dropSchema(SCHEMA);
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Test
    void theTablesAndFlywayHistoryAreInTheTestSchema() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());

        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
                String.class, SCHEMA))
                .contains("services", "network_claims", "abandoned_operations", "flyway_schema_history");
        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo(SCHEMA);
    }
}
