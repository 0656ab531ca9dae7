package org.diminet.server.auth.tls;

import java.util.List;
import org.diminet.server.settings.SiteConfigurationException;
import org.diminet.server.settings.SiteProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The East-West API's transport beans: {@link EastWestTls} (only with {@code diminet.east-west.auth=mtls};
 * inject {@code ObjectProvider<EastWestTls>}) and the {@link EastWestConnector}.
 */
@Configuration(proxyBeanMethods = false)
public class EastWestTlsWiring {
    static final List<String> AUTH_KINDS = List.of("token", "mtls");

    /** Checked at start-up: a certificate for another region would let this site pass for that one. */
    @Bean
    @Conditional(MutualTls.class)
    EastWestTls eastWestTls(SiteProperties site) {
        return load(site);
    }

    @Bean
    EastWestConnector eastWestConnector(SiteProperties site, ObjectProvider<EastWestTls> tls) {
        SiteProperties.EastWest eastWest = site.eastWest();
        return switch (eastWest.auth()) {
            case "token" -> new EastWestConnector(eastWest.port(), null);
            case "mtls" -> new EastWestConnector(eastWest.port(), tls.getObject());
            default -> throw new SiteConfigurationException("diminet.east-west.auth '" + eastWest.auth()
                    + "' is unknown; known kinds: " + AUTH_KINDS);
        };
    }

    static EastWestTls load(SiteProperties site) {
        if (!site.eastWest().ownPort()) {
            // Peers' certificates are asked for on the East-West connector only; the main port has none.
            throw new SiteConfigurationException("diminet.east-west.auth=mtls needs diminet.east-west.port"
                    + " (the East-West API's own port)");
        }
        EastWestTls tls = EastWestTls.load(site.eastWest().tls());
        tls.requireRegion(site.region());
        return tls;
    }

    /** Read as SiteProperties reads it, so that the bean exists exactly when the connector asks for it. */
    static final class MutualTls implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("diminet.east-west.auth", String.class)
                    .map("mtls"::equals).orElse(false);
        }
    }
}
