package org.diminet.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.OperationStore;
import org.diminet.core.service.ServiceStatus;
import org.diminet.core.store.ServiceStore;
import org.springframework.stereotype.Component;

/**
 * {@code diminet_services{type, state}}: how many services (or parts of services mastered elsewhere)
 * this site holds, in the state a user sees ({@code DEGRADED} included). Every type and state has its
 * series, zero when empty, so that an alert on {@code state="FAILED"} has something to compare. The
 * store is read at most once per {@link #FRESH_MILLIS} ms, however many series a scrape reads; while it
 * cannot be read the counts are NaN.
 */
@Component
public class ServiceCounts {
    static final long FRESH_MILLIS = 1_000;

    private final ServiceStore store;
    private final OperationStore journal;
    private Map<ServiceType, Map<ServiceState, Long>> counts; // guarded by this; null when the store failed
    private long readAt = Long.MIN_VALUE; // guarded by this; System.nanoTime() of the last read

    public ServiceCounts(MeterRegistry registry, ServiceStore store, OperationStore journal) {
        this.store = store;
        this.journal = journal;
        for (ServiceType type : ServiceType.values()) {
            for (ServiceState state : ServiceState.values()) {
                Gauge.builder("diminet.services", () -> count(type, state))
                        .description("Services held by this site, by type and by the state a user sees")
                        .tags("type", type.name(), "state", state.name())
                        .register(registry);
            }
        }
    }

    synchronized double count(ServiceType type, ServiceState state) {
        long now = System.nanoTime();
        if (readAt == Long.MIN_VALUE || now - readAt > FRESH_MILLIS * 1_000_000) {
            readAt = now;
            counts = read();
        }
        return counts == null ? Double.NaN : Math.max(0L, counts.get(type).getOrDefault(state, 0L));
    }

    /**
     * The store counts its rows by stored state (one aggregate query); only the services with an open
     * operation, a handful, are read one by one, because the state a user sees ({@code DEGRADED}) also
     * depends on their pending steps.
     */
    private Map<ServiceType, Map<ServiceState, Long>> read() {
        try {
            Map<ServiceType, Map<ServiceState, Long>> read = store.countByTypeAndState();
            Map<GlobalId, List<Operation>> open = journal.listOpen().stream()
                    .collect(Collectors.groupingBy(Operation::service));
            open.forEach((id, operations) -> store.find(id).ifPresent(service -> {
                ServiceState seen = ServiceStatus.of(service, operations).state();
                if (seen != service.state()) {
                    read.get(service.type()).merge(service.state(), -1L, Long::sum);
                    read.get(service.type()).merge(seen, 1L, Long::sum);
                }
            }));
            return read;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
