package org.diminet.server.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** The {@code store} component of {@code /actuator/health}: DOWN (and the endpoint 503) when the database fails. */
@Component
class StoreHealthIndicator implements HealthIndicator {
    private final SiteHealth site;

    StoreHealthIndicator(SiteHealth site) {
        this.site = site;
    }

    @Override
    public Health health() {
        SiteHealth.Store store = site.store();
        return store.up()
                ? Health.up().withDetail("open_operations", store.openOperations()).build()
                : Health.down().withDetail("error", String.valueOf(store.error())).build();
    }
}
