package org.diminet.core.service;

import java.util.List;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.operation.Operation;

/**
 * A service as a user should see it: the stored row, the state to show, and its open operations (which
 * sites are behind, and why). An ACTIVE service with a step that keeps failing is shown DEGRADED: it
 * works, but a site has not yet taken a change.
 */
public record ServiceStatus(InterSiteService service, ServiceState state, List<Operation> pending) {
    public ServiceStatus {
        pending = List.copyOf(pending);
    }

    public static ServiceStatus of(InterSiteService service, List<Operation> open) {
        boolean behind = open.stream().flatMap(op -> op.pending().stream()).anyMatch(s -> s.attempts() > 0);
        ServiceState shown = service.state() == ServiceState.ACTIVE && behind ? ServiceState.DEGRADED : service.state();
        return new ServiceStatus(service, shown, open);
    }
}
