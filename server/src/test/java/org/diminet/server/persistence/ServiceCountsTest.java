package org.diminet.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.persistence.ServiceFixtures.aNetwork;
import static org.diminet.server.persistence.ServiceFixtures.anL2Master;
import static org.diminet.server.persistence.ServiceFixtures.anL3Service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.operation.Failure;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.OperationKind;
import org.diminet.core.operation.Step;
import org.diminet.core.operation.StepAction;
import org.diminet.server.metrics.ServiceCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code diminet_services{type, state}} as a scrape reads it: the store's own counts by stored state, and
 * a service whose open operation keeps failing at a site moved from ACTIVE to DEGRADED, as the North API
 * shows it. (Here, beside the store fixtures it builds its rows with.)
 */
class ServiceCountsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private final DataSource dataSource = Databases.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "sa", "", Optional.empty());
    private final JdbcServiceStore store = new JdbcServiceStore(dataSource, new Region("RegionOne"));
    private final JdbcOperationStore journal = new JdbcOperationStore(dataSource);

    @AfterEach
    void close() {
        Databases.close(dataSource);
    }

    @Test
    void countsAreTheStoresByTypeAndStateWithABehindServiceShownDegraded() {
        InterSiteService fine = anL3Service(aNetwork()).build();
        InterSiteService behind = anL3Service(aNetwork()).build();
        store.insert(fine);
        store.insert(behind);
        store.insert(anL3Service(aNetwork()).inState(ServiceState.DELETING).build());
        store.insert(anL2Master(aNetwork()).inState(ServiceState.CREATING).build());
        Step failing = Step.planned(0, new Region("RegionTwo"), StepAction.SYNC_PART, 0).failedAttempt(
                new Failure("peer-unreachable", "peer-unreachable", Optional.of(new Region("RegionTwo")), 0, "refused"),
                T0.plusSeconds(5), true);
        journal.insert(Operation.start(behind.id(), OperationKind.UPDATE, behind.resources(), behind.resources(),
                List.of(failing), T0, T0.plusSeconds(30)));

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ServiceCounts(registry, store, journal);

        assertThat(count(registry, ServiceType.L3, ServiceState.ACTIVE)).isEqualTo(1);
        assertThat(count(registry, ServiceType.L3, ServiceState.DEGRADED)).isEqualTo(1);
        assertThat(count(registry, ServiceType.L3, ServiceState.DELETING)).isEqualTo(1);
        assertThat(count(registry, ServiceType.L2, ServiceState.CREATING)).isEqualTo(1);
        assertThat(count(registry, ServiceType.L2, ServiceState.ACTIVE)).isZero();
        assertThat(store.countByTypeAndState().get(ServiceType.L3)).as("the store counts stored states")
                .containsEntry(ServiceState.ACTIVE, 2L).containsEntry(ServiceState.DELETING, 1L).hasSize(2);
    }

    private static double count(SimpleMeterRegistry registry, ServiceType type, ServiceState state) {
        return registry.get("diminet.services").tags("type", type.name(), "state", state.name()).gauge().value();
    }
}
