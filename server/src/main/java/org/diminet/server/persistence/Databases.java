package org.diminet.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Opens the database of a site's store: a small connection pool whose schema Flyway has brought up
 * to date from {@code classpath:db/migration}.
 */
public final class Databases {
    /** Connections per pool; the store holds one per running transaction. */
    public static final int MAX_POOL_SIZE = 8;

    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Databases() {
    }

    /**
     * Builds a HikariCP pool (at most {@value #MAX_POOL_SIZE} connections) and runs Flyway migrate on
     * it before returning it. The returned data source is a {@link HikariDataSource}: close it (e.g.
     * with {@link #close(DataSource)}) when the site stops.
     *
     * @param jdbcUrl  e.g. {@link #h2FileUrl(Path)} or {@code jdbc:postgresql://host:5432/diminet}
     * @param user     the database user
     * @param password its password; null or empty for none (e.g. PostgreSQL trust authentication)
     * @param schema   a schema to keep the tables in instead of the connection's default one (PostgreSQL
     *                 {@code public}, H2 {@code PUBLIC}); it is created when missing and every pooled
     *                 connection uses it. The name is taken as written (quoted, so case-sensitive) and
     *                 must be letters, digits and '_', at most 63.
     * @throws IllegalArgumentException when the schema name is not acceptable
     * @throws IllegalStateException    when the database cannot be reached or migrated
     */
    public static DataSource open(String jdbcUrl, String user, String password, Optional<String> schema) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(schema, "schema");
        schema.ifPresent(Databases::checkSchemaName);
        schema.ifPresent(name -> createSchema(jdbcUrl, user, password, name));

        HikariConfig config = new HikariConfig();
        config.setPoolName("diminet-store");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password == null || password.isEmpty() ? null : password);
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        schema.ifPresent(config::setSchema);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to " + jdbcUrl + " as " + user + ": " + rootMessage(e), e);
        }
        try {
            var flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true);
            schema.ifPresent(name -> flyway.schemas(name).createSchemas(false));
            flyway.load().migrate();
            return dataSource;
        } catch (RuntimeException e) {
            dataSource.close();
            throw new IllegalStateException("cannot migrate the store at " + jdbcUrl + schema.map(s -> " (schema " + s + ")")
                    .orElse("") + ": " + rootMessage(e), e);
        }
    }

    /**
     * The URL of an embedded H2 database kept in {@code dataDir} (files {@code diminet.mv.db}, ...;
     * the directory is created when missing). Options:
     * <ul>
     *   <li>{@code WRITE_DELAY=0}: a commit is written to the file before it returns, so a killed
     *       process loses nothing it reported as stored;</li>
     *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook does not close the database under
     *       the application, which closes it by closing the pool (the database closes with its last
     *       connection, releasing the file lock, so it can be reopened in the same JVM);</li>
     *   <li>{@code LOCK_TIMEOUT=10000}: concurrent transactions wait up to 10 s for each other's row
     *       locks instead of H2's default 1 s.</li>
     * </ul>
     * The file is locked while open: one process per data directory.
     *
     * @throws IllegalArgumentException when the path contains a ';', which would end the URL
     */
    public static String h2FileUrl(Path dataDir) {
        String dir = dataDir.toAbsolutePath().normalize().toString().replace('\\', '/');
        if (dir.contains(";")) {
            throw new IllegalArgumentException("the data directory '" + dir + "' contains ';', which H2 URLs cannot hold");
        }
        return "jdbc:h2:file:" + dir + "/diminet;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    }

    /** Closes a data source returned by {@link #open}; does nothing for other kinds. */
    public static void close(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.close();
        }
    }

    private static void checkSchemaName(String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema '" + schema
                    + "' is not a valid schema name (letters, digits and '_', not starting with a digit; at most 63)");
        }
    }

    private static void createSchema(String jdbcUrl, String user, String password, String schema) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password == null ? "" : password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\"");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " at " + jdbcUrl + " as " + user + ": "
                    + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
