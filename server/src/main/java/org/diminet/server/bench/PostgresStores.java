package org.diminet.server.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sites' stores on a PostgreSQL server ({@code --postgres URL}) instead of their H2 files: each site of a
 * run gets a schema of its own in that database, measured with PostgreSQL's own sizes (tables, their
 * indexes and TOAST) and dropped after the run unless it is kept.
 */
final class PostgresStores implements AutoCloseable {
    private final String url;
    private final String user;
    private final String tag = "b" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private final Set<String> schemas = ConcurrentHashMap.newKeySet();
    private final boolean keep;

    /** @param url a JDBC URL without parameters, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test} */
    PostgresStores(String url, String user, boolean keep) {
        if (!url.startsWith("jdbc:postgresql:") || url.contains("?")) {
            throw new IllegalArgumentException("--postgres takes a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/test"
                    + " (without parameters): " + url);
        }
        this.url = url;
        this.user = user;
        this.keep = keep;
    }

    /** The settings that put {@code region}'s store in a schema of its own. */
    Map<String, String> settingsOf(String region) {
        String schema = schemaOf(region);
        schemas.add(schema);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", url + "?currentSchema=" + schema);
        settings.put("spring.datasource.username", user);
        settings.put("spring.flyway.schemas", schema);
        return settings;
    }

    /**
     * Bytes of {@code region}'s tables with their indexes and TOAST, after a plain {@code VACUUM} (what
     * autovacuum does on its own: dead row versions become reusable space; the file is not shrunk).
     */
    long bytesOf(String region) {
        String schema = schemaOf(region);
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ?")) {
                q.setString(1, schema);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            try (Statement vacuum = c.createStatement()) {
                for (String table : tables) {
                    vacuum.execute("VACUUM " + schema + ".\"" + table + "\"");
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r'")) {
                q.setString(1, schema);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot measure schema " + schema + " at " + url + ": " + e.getMessage(), e);
        }
    }

    private String schemaOf(String region) {
        return "bench_" + tag + "_" + region.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    @Override
    public void close() {
        if (keep || schemas.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("bench: could not drop the schemas " + schemas + " at " + url + ": " + e.getMessage());
        }
    }
}
