package org.diminet.openstack.keystone;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.diminet.core.domain.Region;

/** Sessions backed by an in-memory Keystone, for the adapters' unit tests in other packages. */
public final class TestSessions {
    private TestSessions() {
    }

    /** A session whose tokens are always accepted by the fake Keystone, with the given network endpoints. */
    public static KeystoneSession withNetworkEndpoints(Map<Region, URI> network, Duration requestTimeout, HttpClient http) {
        FakeIdentityApi api = new FakeIdentityApi(Clock.systemUTC());
        api.catalog = new ServiceCatalog(network, Map.of());
        KeystoneCredentials credentials = KeystoneCredentials.inDefaultDomain(URI.create("http://keystone.invalid:5000/v3"),
                "admin", "secret", "admin");
        return new KeystoneSession(credentials, KeystoneOptions.defaults().withRequestTimeout(requestTimeout), api,
                Clock.systemUTC(), http);
    }
}
