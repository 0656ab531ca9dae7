package org.diminet.server.config;

import org.diminet.core.dataplane.DataPlane;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Resource;
import org.diminet.core.service.Reconciler;
import org.diminet.core.store.ServiceStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the site serves requests: the data plane is brought in line with the stored attachments (a
 * driver that held state in the process rebuilds it), then the reconciler starts, so that what it
 * retries (and what peers ask of this site meanwhile) finds the East-West API up.
 */
@Component
class ReconcilerStarter {
    private final Reconciler reconciler;
    private final DataPlane dataPlane;
    private final ServiceStore store;
    private final org.diminet.core.domain.Region region;

    ReconcilerStarter(Reconciler reconciler, DataPlane dataPlane, ServiceStore store, org.diminet.core.domain.Region region) {
        this.reconciler = reconciler;
        this.dataPlane = dataPlane;
        this.store = store;
        this.region = region;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        dataPlane.restore(store.list().stream()
                .filter(s -> s.attachment().isPresent())
                .flatMap(s -> s.resourceAt(region).flatMap(Resource::network).stream()
                        .map((NetworkId network) -> new DataPlane.StoredAttachment(s.id(), s.type(), network,
                                s.attachment().get())))
                .toList());
        reconciler.start();
    }
}
