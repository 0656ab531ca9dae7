package org.diminet.server.config;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A separate management port ({@code management.server.port}) listens on the API's address
 * ({@code server.address}, 127.0.0.1 by default) unless {@code management.server.address} is set.
 * Spring alone would bind it to every interface, so moving metrics to their own port would publish
 * them more widely than the API; and it refuses a management address without a port of its own, so
 * application.properties cannot simply default one.
 */
public class ManagementAddressDefault implements EnvironmentPostProcessor {
    static final String SOURCE = "diminet-management-address";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Integer port = environment.getProperty("management.server.port", Integer.class);
        String address = environment.getProperty("server.address");
        boolean ownPort = port != null && port >= 0 && !port.equals(environment.getProperty("server.port", Integer.class));
        if (ownPort && address != null && !environment.containsProperty("management.server.address")) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                    Map.of("management.server.address", address)));
        }
    }
}
