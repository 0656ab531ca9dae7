package org.diminet.server.config;

import org.diminet.server.settings.SiteConfigurationException;

import org.diminet.server.settings.SiteProperties;

import java.util.ArrayList;
import java.util.List;
import org.diminet.core.domain.Region;
import org.diminet.openstack.keystone.KeystoneCredentials;
import org.diminet.server.auth.KeystoneSignIn;
import org.diminet.openstack.keystone.KeystoneException;
import org.diminet.openstack.keystone.KeystoneOptions;
import org.diminet.openstack.keystone.KeystoneSession;
import org.diminet.openstack.neutron.NeutronClient;
import org.diminet.openstack.neutron.NeutronVim;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A site beside OpenStack: Keystone for tokens and discovery, the local region's Neutron as the VIM.
 * Everything is checked at start-up (settings present, credentials accepted, the region in the
 * catalog), so a misconfigured site refuses to start instead of failing its first request.
 */
@Configuration
@ConditionalOnProperty(name = "diminet.vim.kind", havingValue = "neutron")
public class OpenStackWiring {

    @Bean
    KeystoneSession keystoneSession(SiteProperties site, Region region) {
        SiteProperties.OpenStack settings = site.openstack();
        List<String> missing = new ArrayList<>();
        if (settings == null || settings.authUrl() == null) {
            missing.add("diminet.openstack.auth-url");
        }
        if (settings == null || blank(settings.username())) {
            missing.add("diminet.openstack.username");
        }
        if (settings == null || settings.password() == null) {
            missing.add("diminet.openstack.password");
        }
        if (settings == null || blank(settings.project())) {
            missing.add("diminet.openstack.project");
        }
        if (!missing.isEmpty()) {
            throw new SiteConfigurationException("diminet.vim.kind=neutron needs " + String.join(", ", missing));
        }
        KeystoneCredentials credentials = new KeystoneCredentials(settings.authUrl(), settings.username(),
                settings.password(), settings.project(), domain(settings.userDomainId(), settings.userDomainName()),
                domain(settings.projectDomainId(), settings.projectDomainName()));
        KeystoneOptions options = KeystoneOptions.defaults()
                .withEndpointInterface(settings.endpointInterface())
                .withDiminetPort(settings.diminetPort());
        KeystoneSession session = new KeystoneSession(credentials, options);
        try {
            session.token();
        } catch (KeystoneException e) {
            throw new SiteConfigurationException("cannot authenticate to Keystone: " + e.getMessage(), e);
        }
        if (session.networkEndpoint(region).isEmpty()) {
            throw new SiteConfigurationException("Keystone's catalog at " + settings.authUrl() + " has no '"
                    + settings.endpointInterface() + "' network endpoint for region " + region + " (diminet.region);"
                    + " regions in the catalog: " + session.catalog().regions());
        }
        return session;
    }

    /** Users' log-in at this site, passed on to Keystone: the web console signs in at its own site. */
    @Bean
    KeystoneSignIn keystoneSignIn(KeystoneSession session) {
        return new KeystoneSignIn(session.credentials().authUrl(), session.httpClient());
    }

    @Bean
    NeutronClient neutronClient(KeystoneSession session, Region region) {
        return new NeutronClient(session, region);
    }

    @Bean
    org.diminet.openstack.neutron.NetworkOwners networkOwners() {
        return new org.diminet.openstack.neutron.NetworkOwners();
    }

    @Bean
    NeutronVim neutronVim(NeutronClient neutron, org.diminet.openstack.neutron.NetworkOwners owners) {
        return new NeutronVim(neutron, owners);
    }

    private static KeystoneCredentials.Domain domain(String id, String name) {
        return id != null ? KeystoneCredentials.Domain.byId(id) : KeystoneCredentials.Domain.byName(name);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
