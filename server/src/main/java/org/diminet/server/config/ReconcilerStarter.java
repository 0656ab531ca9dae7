package org.diminet.server.config;

import org.diminet.core.service.Reconciler;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the reconciler once the site serves requests, so that what it retries (and what peers ask of
 * this site meanwhile) finds the East-West API up.
 */
@Component
class ReconcilerStarter {
    private final Reconciler reconciler;

    ReconcilerStarter(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        reconciler.start();
    }
}
