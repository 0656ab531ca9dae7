package org.diminet.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store contract on PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres},
 * trust authentication), in a schema of its own that is dropped afterwards. An unreachable server
 * fails the class unless {@code DIMINET_SKIP_POSTGRES=true}, which skips it.
 */
class PostgresServiceStoreTest extends ServiceStoreContractTest {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5";
    private static final String USER = "postgres";

    private static final String SCHEMA = "diminet_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static DataSource dataSource;

    @BeforeAll
    static void openDatabase() {
        if (skipped()) {
            return; // each test is then skipped by dataSource()
        }
        try (Connection probe = DriverManager.getConnection(URL, USER, "")) {
            assertThat(probe.isValid(5)).isTrue();
        } catch (SQLException e) {
            fail("PostgreSQL is not reachable at " + URL + " as user " + USER + " (" + e.getMessage()
                    + "). Start it (database 'test', trust authentication) or set DIMINET_SKIP_POSTGRES=true"
                    + " to skip these tests.", e);
        }
        dataSource = Databases.open(URL, USER, "", Optional.of(SCHEMA));
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (dataSource == null) {
            return;
        }
        Databases.close(dataSource);
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS \"" + SCHEMA + "\" CASCADE");
        }
    }

    @Override
    protected DataSource dataSource() {
        Assumptions.assumeFalse(skipped(), "DIMINET_SKIP_POSTGRES=true: PostgreSQL tests skipped");
        return dataSource;
    }

    private static boolean skipped() {
        return "true".equalsIgnoreCase(System.getenv("DIMINET_SKIP_POSTGRES"));
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
