package org.diminet.server.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.diminet.core.domain.Connection;
import org.diminet.core.domain.DataPlaneAttachment;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceParams;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.domain.error.ConflictException;
import org.diminet.core.domain.error.NotFoundException;
import org.diminet.core.store.ServiceStore;
import org.diminet.server.json.DomainJson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link ServiceStore} of one site over JDBC (H2 or PostgreSQL, schema from
 * {@code db/migration}). Every method runs in one transaction of its own.
 *
 * <p>A service's claim is the network of its resource at the local region, if that resource has a
 * network yet, under the service's type; the primary key of {@code network_claims} is what lets only
 * one of two concurrent claims of the same network succeed. Resources, params, connections and the
 * attachment are stored as JSON written by {@link DomainJson}.
 *
 * <p>Instants are stored with microsecond precision (what PostgreSQL keeps): a service read back
 * carries its {@code createdAt}/{@code updatedAt} truncated to the microsecond.
 */
public final class JdbcServiceStore implements ServiceStore {

    /** Attempts of a whole transaction that failed on a transient error (lock timeout, deadlock). */
    private static final int TRANSACTION_ATTEMPTS = 3;
    /** Attempts of a claim whose holder vanished between the clash and the look-up. */
    private static final int CLAIM_ATTEMPTS = 3;

    private static final String COLUMNS = "global_id, name, type, project, master_region, state, "
            + "resources, params, connections, attachment, created_at, updated_at";
    private static final TypeReference<List<Resource>> RESOURCES = new TypeReference<>() {
    };
    private static final TypeReference<List<Connection>> CONNECTIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;
    private final Region localRegion;
    private final ObjectMapper json = DomainJson.newMapper();
    private final Map<String, RecentlyParsed<Object>> parsedByColumn = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /**
     * @param dataSource  a data source whose schema Flyway has migrated (see {@link Databases#open})
     * @param localRegion the region of the site this store belongs to; it decides which network a
     *                    service claims
     */
    public JdbcServiceStore(DataSource dataSource, Region localRegion) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.localRegion = Objects.requireNonNull(localRegion, "localRegion");
        this.jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    @Override
    public void insert(InterSiteService service) {
        Row row = toRow(service);
        inTransaction(writing, status -> {
            try {
                row.bind(jdbc.sql("INSERT INTO services (" + COLUMNS + ") "
                                + "VALUES (:id, :name, :type, :project, :master, :state, "
                                + ":resources, :params, :connections, :attachment, :createdAt, :updatedAt)"))
                        .update();
            } catch (DuplicateKeyException e) {
                throw new ConflictException("service-exists",
                        "service " + service.id() + " already exists at " + localRegion);
            }
            claim(status, service);
            return null;
        });
    }

    @Override
    public void update(InterSiteService service) {
        Row row = toRow(service);
        inTransaction(writing, status -> {
            int updated = row.bind(jdbc.sql("UPDATE services SET name = :name, type = :type, project = :project, "
                            + "master_region = :master, state = :state, resources = :resources, params = :params, "
                            + "connections = :connections, attachment = :attachment, created_at = :createdAt, "
                            + "updated_at = :updatedAt, version = version + 1 WHERE global_id = :id"))
                    .update();
            if (updated == 0) {
                throw new NotFoundException("service-not-found",
                        "service " + service.id() + " is not known at " + localRegion);
            }
            jdbc.sql("DELETE FROM network_claims WHERE global_id = ?").param(row.id()).update();
            claim(status, service);
            return null;
        });
    }

    @Override
    public Optional<InterSiteService> find(GlobalId id) {
        Objects.requireNonNull(id, "id");
        return inTransaction(reading, status -> jdbc.sql("SELECT " + COLUMNS + " FROM services WHERE global_id = ?")
                .param(id.toString())
                .query(this::toService)
                .optional());
    }

    @Override
    public List<InterSiteService> list() {
        return inTransaction(reading, status -> jdbc.sql("SELECT " + COLUMNS + " FROM services "
                        + "ORDER BY created_at, global_id")
                .query(this::toService)
                .list());
    }

    @Override
    public List<InterSiteService> page(Optional<String> project, Optional<InterSiteService> after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM services WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        project.ifPresent(p -> {
            sql.append(" AND project = ?");
            params.add(p);
        });
        after.ifPresent(a -> {
            // (created_at, global_id) > the marker's, spelt out: row values compare alike on H2 and PostgreSQL,
            // but this form lets both use the (created_at, global_id) index.
            sql.append(" AND (created_at > ? OR (created_at = ? AND global_id > ?))");
            java.time.OffsetDateTime at = a.createdAt().atOffset(java.time.ZoneOffset.UTC);
            params.add(at);
            params.add(at);
            params.add(a.id().toString());
        });
        sql.append(" ORDER BY created_at, global_id LIMIT ?");
        params.add(limit);
        return inTransaction(reading, status -> jdbc.sql(sql.toString()).params(params).query(this::toService).list());
    }

    @Override
    public Map<ServiceType, Map<ServiceState, Long>> countByTypeAndState() {
        Map<ServiceType, Map<ServiceState, Long>> counts = new EnumMap<>(ServiceType.class);
        for (ServiceType type : ServiceType.values()) {
            counts.put(type, new EnumMap<>(ServiceState.class));
        }
        inTransaction(reading, status -> jdbc.sql("SELECT type, state, COUNT(*) AS services FROM services GROUP BY type, state")
                .query((rs, row) -> counts.get(ServiceType.valueOf(rs.getString("type")))
                        .put(ServiceState.valueOf(rs.getString("state")), rs.getLong("services")))
                .list());
        return counts;
    }

    @Override
    public boolean delete(GlobalId id) {
        Objects.requireNonNull(id, "id");
        // The claim goes with the row (ON DELETE CASCADE).
        return inTransaction(writing, status -> jdbc.sql("DELETE FROM services WHERE global_id = ?")
                .param(id.toString())
                .update() > 0);
    }

    @Override
    public void recordAbandoned(UUID operation) {
        Objects.requireNonNull(operation, "operation");
        inTransaction(writing, status -> insertUnlessPresent(status,
                jdbc.sql("INSERT INTO abandoned_operations (operation, recorded_at) VALUES (?, ?)")
                        .param(operation.toString())
                        .param(timestamp(clock.instant()))));
    }

    @Override
    public boolean isAbandoned(UUID operation) {
        Objects.requireNonNull(operation, "operation");
        return inTransaction(reading, status -> jdbc.sql("SELECT COUNT(*) FROM abandoned_operations WHERE operation = ?")
                .param(operation.toString())
                .query(Long.class)
                .single() > 0);
    }

    /** Claims the service's local network, if it has one yet; a clash names the holder. */
    private void claim(TransactionStatus status, InterSiteService service) {
        Optional<NetworkId> network = service.resourceAt(localRegion).flatMap(Resource::network);
        if (network.isEmpty()) {
            return;
        }
        String networkId = network.get().value();
        String type = service.type().name();
        for (int attempt = 1; ; attempt++) {
            boolean claimed = insertUnlessPresent(status,
                    jdbc.sql("INSERT INTO network_claims (network_id, service_type, global_id) VALUES (?, ?, ?)")
                            .param(networkId)
                            .param(type)
                            .param(service.id().toString()));
            if (claimed) {
                return;
            }
            Optional<String> holder = jdbc.sql(
                            "SELECT global_id FROM network_claims WHERE network_id = ? AND service_type = ?")
                    .param(networkId)
                    .param(type)
                    .query(String.class)
                    .optional();
            if (holder.isPresent()) {
                throw new ConflictException("network-in-use", "network " + networkId + " is already part of "
                        + type + " service " + holder.get() + " at " + localRegion);
            }
            if (attempt == CLAIM_ATTEMPTS) {
                throw new ConflictException("network-in-use", "network " + networkId
                        + " is being claimed by another " + type + " service at " + localRegion);
            }
        }
    }

    /**
     * Runs an insert inside a savepoint and reports whether it added a row; a duplicate key rolls back
     * to the savepoint only, so the transaction stays usable (PostgreSQL aborts it otherwise).
     */
    private static boolean insertUnlessPresent(TransactionStatus status, JdbcClient.StatementSpec insert) {
        Object savepoint = status.createSavepoint();
        try {
            insert.update();
            status.releaseSavepoint(savepoint);
            return true;
        } catch (DuplicateKeyException e) {
            status.rollbackToSavepoint(savepoint);
            status.releaseSavepoint(savepoint);
            return false;
        }
    }

    private <T> T inTransaction(TransactionTemplate template, Function<TransactionStatus, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return template.execute(work::apply);
            } catch (TransientDataAccessException e) {
                if (attempt == TRANSACTION_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    // --- mapping ---------------------------------------------------------------------------------

    /** A service as column values. */
    private record Row(String id, String name, String type, String project, String master, String state,
                       String resources, String params, String connections, String attachment,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        /** Binds the named parameters {@code :id}, {@code :name}, ... {@code :updatedAt}. */
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return statement
                    .param("id", id)
                    .param("name", name)
                    .param("type", type)
                    .param("project", project)
                    .param("master", master)
                    .param("state", state)
                    .param("resources", resources)
                    .param("params", params)
                    .param("connections", connections)
                    .param("attachment", attachment, Types.VARCHAR)
                    .param("createdAt", createdAt)
                    .param("updatedAt", updatedAt);
        }
    }

    private Row toRow(InterSiteService s) {
        return new Row(s.id().toString(), s.name(), s.type().name(), s.project(), s.master().name(),
                s.state().name(),
                write(s.resources(), RESOURCES),
                write(s.params(), new TypeReference<ServiceParams>() {
                }),
                write(s.connections(), CONNECTIONS),
                s.attachment().map(a -> write(a, new TypeReference<DataPlaneAttachment>() {
                })).orElse(null),
                timestamp(s.createdAt()), timestamp(s.updatedAt()));
    }

    private InterSiteService toService(ResultSet rs, int rowNum) throws SQLException {
        String id = rs.getString("global_id");
        String attachment = rs.getString("attachment");
        return new InterSiteService(
                new GlobalId(UUID.fromString(id)),
                rs.getString("name"),
                ServiceType.valueOf(rs.getString("type")),
                rs.getString("project"),
                new Region(rs.getString("master_region")),
                read(id, "resources", rs.getString("resources"), RESOURCES),
                read(id, "params", rs.getString("params"), new TypeReference<ServiceParams>() {
                }),
                read(id, "connections", rs.getString("connections"), CONNECTIONS),
                attachment == null
                        ? Optional.empty()
                        : Optional.of(read(id, "attachment", attachment, new TypeReference<DataPlaneAttachment>() {
                        })),
                ServiceState.valueOf(rs.getString("state")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private <T> String write(T value, TypeReference<T> type) {
        try {
            return json.writerFor(type).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T read(String id, String column, String text, TypeReference<T> type) {
        RecentlyParsed<Object> recent = parsedByColumn.computeIfAbsent(column, c -> new RecentlyParsed<>(256));
        return (T) recent.get(text, t -> {
            Object value = parse(id, column, t, type);
            return value instanceof List<?> list ? List.copyOf(list) : value;
        });
    }

    private <T> T parse(String id, String column, String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("service " + id + ": column " + column
                    + " does not hold a valid value: " + e.getMessage(), e);
        }
    }
}
