package org.diminet.server.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The service catalog the embedded identity puts in its tokens: this site's own services, in its
 * region, as Keystone lists them. OpenStack clients (Tempest, openstacksdk) find the Neutron API only
 * there; DIMINET's own client finds the site ({@code intersite}) there too. Every service has a public,
 * an internal and an admin endpoint, all the same URL: a site has one address.
 *
 * @param region          this site's region
 * @param embeddedNeutron whether this site serves the embedded Neutron API under {@code /neutron}
 */
public record EmbeddedCatalog(String region, boolean embeddedNeutron) {
    private static final List<String> INTERFACES = List.of("public", "internal", "admin");

    public EmbeddedCatalog {
        Objects.requireNonNull(region, "region");
    }

    /**
     * @param siteRoot this site's URL as the client reached it, without a trailing slash, e.g.
     *                 {@code http://127.0.0.1:7575}
     */
    List<KeystoneTokenView.Service> services(String siteRoot) {
        List<KeystoneTokenView.Service> services = new ArrayList<>();
        services.add(service("identity", "keystone", siteRoot + "/v3"));
        services.add(service("intersite", "diminet", siteRoot));
        if (embeddedNeutron) {
            // Without /v2.0, as Keystone registers Neutron: clients add the version themselves.
            services.add(service("network", "neutron", siteRoot + "/neutron"));
        }
        return List.copyOf(services);
    }

    private KeystoneTokenView.Service service(String type, String name, String url) {
        List<KeystoneTokenView.Endpoint> endpoints = INTERFACES.stream()
                .map(anInterface -> new KeystoneTokenView.Endpoint(region + "-" + type + "-" + anInterface, anInterface,
                        region, region, url))
                .toList();
        return new KeystoneTokenView.Service(type, type, name, endpoints);
    }
}
