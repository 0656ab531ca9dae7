package org.diminet.core.service;

import java.util.EnumMap;
import java.util.Map;
import org.diminet.core.domain.ServiceType;

/** The strategies, registered explicitly by type. */
public final class StrategyRegistry {
    private final Map<ServiceType, ServiceStrategy> strategies = new EnumMap<>(ServiceType.class);

    public StrategyRegistry register(ServiceStrategy strategy) {
        strategies.put(strategy.type(), strategy);
        return this;
    }

    public ServiceStrategy forType(ServiceType type) {
        ServiceStrategy strategy = strategies.get(type);
        if (strategy == null) {
            throw new IllegalStateException("no strategy registered for " + type + "; registered: " + strategies.keySet());
        }
        return strategy;
    }
}
