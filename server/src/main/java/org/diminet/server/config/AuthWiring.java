package org.diminet.server.config;

import org.diminet.server.settings.SiteConfigurationException;

import org.diminet.server.settings.SiteProperties;

import java.time.Clock;
import java.util.List;
import org.diminet.core.domain.Region;
import org.diminet.openstack.keystone.KeystoneSession;
import org.diminet.server.auth.AuthenticationFilter;
import org.diminet.server.auth.CachedServiceToken;
import org.diminet.server.auth.EmbeddedCatalog;
import org.diminet.server.auth.EmbeddedIdentity;
import org.diminet.server.auth.KeystoneTokenValidator;
import org.diminet.server.auth.PeerRegions;
import org.diminet.server.auth.RequestRateLimiter;
import org.diminet.server.auth.TokenValidator;
import org.diminet.server.auth.tls.EastWestTls;
import org.diminet.server.peers.PeerCredentials;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Who may call: tokens checked with Keystone beside OpenStack, or with the site's embedded identity
 * otherwise; peers by service token or certificate; the filter that applies it to every request.
 */
@Configuration
public class AuthWiring {

    @Bean
    @Conditional(EmbeddedIdentityCondition.class)
    EmbeddedIdentity embeddedIdentity(SiteProperties site) {
        SiteProperties.Auth auth = site.auth();
        if (auth.signingKey() == null || auth.signingKey().isBlank()) {
            throw new SiteConfigurationException("diminet.auth.signing-key is required with the embedded identity:"
                    + " a base64 key of 32 bytes or more, the same at every site that accepts the others' tokens"
                    + " (./diminet demo makes one)");
        }
        byte[] key;
        try {
            key = EmbeddedIdentity.signingKey(auth.signingKey());
        } catch (IllegalArgumentException e) {
            throw new SiteConfigurationException(e.getMessage());
        }
        if (auth.users().isEmpty()) {
            throw new SiteConfigurationException("diminet.auth.users is empty: the embedded identity has nobody to"
                    + " issue tokens to");
        }
        // Relative: the filter names it on this site's own address, which a random port makes unknown here.
        return new EmbeddedIdentity(auth.users(), key, auth.tokenLifetime(), Clock.systemUTC(), "/v3");
    }

    /** What the embedded identity's tokens list: the site itself and, with the embedded VIM, its Neutron API. */
    @Bean
    @Conditional(EmbeddedIdentityCondition.class)
    EmbeddedCatalog embeddedCatalog(SiteProperties site) {
        return new EmbeddedCatalog(site.region(), "embedded".equals(site.vim().kind()));
    }

    /** The one validator the filter uses (the embedded identity is also one, hence primary). */
    @Bean
    @org.springframework.context.annotation.Primary
    TokenValidator tokenValidator(SiteProperties site, ObjectProvider<EmbeddedIdentity> embedded,
                                  ObjectProvider<KeystoneSession> keystone) {
        EmbeddedIdentity identity = embedded.getIfAvailable();
        if (identity != null) {
            return identity;
        }
        KeystoneSession session = keystone.getIfAvailable(() -> {
            throw new SiteConfigurationException("diminet.auth.mode=keystone needs a Keystone:"
                    + " set diminet.vim.kind=neutron and diminet.openstack.*");
        });
        return new KeystoneTokenValidator(session, site.auth().cacheTime(), Clock.systemUTC());
    }

    @Bean
    PeerCredentials peerCredentials(SiteProperties site, Region region, ObjectProvider<EmbeddedIdentity> embedded,
                                    ObjectProvider<KeystoneSession> keystone, ObjectProvider<EastWestTls> tls) {
        if ("mtls".equals(site.eastWest().auth())) {
            EastWestTls certificates = tls.getObject();
            return new PeerCredentials.Certificate(region, certificates.clientContext(), certificates.clientParameters());
        }
        EmbeddedIdentity identity = embedded.getIfAvailable();
        if (identity != null) {
            String user = site.auth().serviceUser() != null ? site.auth().serviceUser() : "diminet-" + region.name();
            if (site.auth().users().stream().noneMatch(u -> u.name().equals(user))) {
                throw new SiteConfigurationException("diminet.auth.users has no user '" + user + "', this site's"
                        + " service user toward its peers (diminet.auth.service-user)");
            }
            CachedServiceToken token = new CachedServiceToken(() -> identity.issueFor(user).token(),
                    site.auth().tokenLifetime(), Clock.systemUTC());
            return new PeerCredentials.Token(region, token, token::forget);
        }
        KeystoneSession session = keystone.getObject();
        return new PeerCredentials.Token(region, session::token, () -> session.tokenRejected(session.token()));
    }

    @Bean
    FilterRegistrationBean<AuthenticationFilter> authenticationFilter(SiteProperties site, TokenValidator tokens) {
        SiteProperties.EastWest eastWest = site.eastWest();
        AuthenticationFilter filter = new AuthenticationFilter(site.region(), tokens,
                new PeerRegions(site.auth().peerUsers()),
                new RequestRateLimiter(site.auth().rateLimit(), site.auth().rateBurst()),
                "mtls".equals(eastWest.auth()), eastWest.port());
        FilterRegistrationBean<AuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setUrlPatterns(List.of("/*"));
        return registration;
    }
}
