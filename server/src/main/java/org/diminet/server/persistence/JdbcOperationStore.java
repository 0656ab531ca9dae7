package org.diminet.server.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.IpRange;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.OperationStore;
import org.diminet.server.json.DomainJson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operation journal over JDBC (table {@code operations}, schema V2). Calls join a transaction
 * opened by {@link JdbcTransactions} on the same data source, so an operation is stored with the service
 * row it changes; outside one, each call is a transaction of its own (auto-commit).
 *
 * <p>Kind and phase are columns (the reconciler selects open operations by phase); the rest of the
 * operation travels as one JSON document.
 */
public final class JdbcOperationStore implements OperationStore {
    private static final String OPEN = "('RUNNING', 'COMMITTED', 'REVERTING')";

    private final JdbcClient jdbc;
    private final ObjectMapper json = DomainJson.newMapper();
    private final RecentlyParsed<Operation> parsed = new RecentlyParsed<>(64);
    private final Clock clock = Clock.systemUTC();

    public JdbcOperationStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void insert(Operation op) {
        jdbc.sql("INSERT INTO operations (operation_id, global_id, kind, phase, body, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .param(op.id().toString()).param(op.service().toString()).param(op.kind().name())
                .param(op.phase().name()).param(write(op)).param(timestamp(op.createdAt()))
                .param(timestamp(op.updatedAt()))
                .update();
    }

    @Override
    public void update(Operation op) {
        int updated = jdbc.sql("UPDATE operations SET phase = ?, body = ?, updated_at = ? WHERE operation_id = ?")
                .param(op.phase().name()).param(write(op)).param(timestamp(op.updatedAt())).param(op.id().toString())
                .update();
        if (updated == 0) {
            throw new IllegalStateException("operation " + op.id() + " is not stored");
        }
    }

    @Override
    public Optional<Operation> find(UUID id) {
        return jdbc.sql("SELECT body FROM operations WHERE operation_id = ?").param(id.toString())
                .query(String.class).optional().map(this::read);
    }

    @Override
    public List<Operation> listOpen() {
        return jdbc.sql("SELECT body FROM operations WHERE phase IN " + OPEN + " ORDER BY created_at, operation_id")
                .query(String.class).list().stream().map(this::read).toList();
    }

    @Override
    public List<Operation> openFor(GlobalId service) {
        return jdbc.sql("SELECT body FROM operations WHERE global_id = ? AND phase IN " + OPEN
                        + " ORDER BY created_at, operation_id")
                .param(service.toString()).query(String.class).list().stream().map(this::read).toList();
    }

    @Override
    public List<Operation> allFor(GlobalId service) {
        return jdbc.sql("SELECT body FROM operations WHERE global_id = ? ORDER BY created_at, operation_id")
                .param(service.toString()).query(String.class).list().stream().map(this::read).toList();
    }

    @Override
    public int deleteFinishedBefore(java.time.Instant instant) {
        return jdbc.sql("DELETE FROM operations WHERE phase IN ('DONE', 'REVERTED') AND updated_at < ?")
                .param(timestamp(instant)).update();
    }

    @Override
    public Optional<IpRange> findGrant(String key) {
        return jdbc.sql("SELECT range_start, range_end FROM pool_grants WHERE grant_key = ?").param(key)
                .query((rs, n) -> new IpRange(rs.getString(1), rs.getString(2))).optional();
    }

    @Override
    public void recordGrant(String key, GlobalId service, IpRange pool) {
        try {
            jdbc.sql("INSERT INTO pool_grants (grant_key, global_id, range_start, range_end, granted_at) VALUES (?, ?, ?, ?, ?)")
                    .param(key).param(service.toString()).param(pool.start()).param(pool.end())
                    .param(timestamp(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("pool grant " + key + " was recorded twice", e);
        }
    }

    private String write(Operation op) {
        try {
            return json.writeValueAsString(op);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write operation " + op.id() + " as JSON: " + e.getMessage(), e);
        }
    }

    private Operation read(String body) {
        return parsed.get(body, this::parse);
    }

    private Operation parse(String body) {
        try {
            return json.readValue(body, Operation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an operation row does not hold a valid operation: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime timestamp(java.time.Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
