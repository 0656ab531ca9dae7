package org.diminet.openstack.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.diminet.core.domain.Region;
import org.junit.jupiter.api.Test;

/** The session's caching, renewal and catalog logic, against an in-memory Keystone and a hand-moved clock. */
class KeystoneSessionTest {
    private static final Region ONE = Region.of("RegionOne");
    private static final Region TWO = Region.of("RegionTwo");
    private static final KeystoneCredentials CREDENTIALS =
            KeystoneCredentials.inDefaultDomain(URI.create("http://127.0.0.1:5000/v3"), "admin", "secret", "admin");

    private final MutableClock clock = new MutableClock();
    private final FakeIdentityApi keystone = new FakeIdentityApi(clock);

    private KeystoneSession session(KeystoneOptions options) {
        return new KeystoneSession(CREDENTIALS, options, keystone, clock, null);
    }

    private KeystoneSession session() {
        return session(KeystoneOptions.defaults());
    }

    @Test
    void nothingIsAskedBeforeItIsNeeded() {
        KeystoneSession session = session();

        assertThat(session.tokensIssued()).isZero();
        assertThat(keystone.issues).hasValue(0);
    }

    @Test
    void oneTokenServesManyCalls() {
        KeystoneSession session = session();

        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            tokens.add(session.token());
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(tokens).containsExactly("token-1");
        assertThat(session.tokensIssued()).isEqualTo(1);
    }

    @Test
    void theTokenIsRenewedTheMarginBeforeItExpires() {
        KeystoneSession session = session(KeystoneOptions.defaults().withRenewMargin(Duration.ofMinutes(5)));
        String first = session.token();

        clock.advance(Duration.ofMinutes(54).plusSeconds(59));
        assertThat(session.token()).isEqualTo(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(session.token()).isEqualTo("token-2");
        assertThat(session.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aShortLivedToken_isKeptForHalfItsLife_notRenewedOnEveryCall() {
        keystone.lifetime = Duration.ofMinutes(4);
        KeystoneSession session = session(KeystoneOptions.defaults().withRenewMargin(Duration.ofMinutes(5)));

        session.token();
        clock.advance(Duration.ofMinutes(1));
        session.token();
        assertThat(session.tokensIssued()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        session.token();
        assertThat(session.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aRejectedToken_isReplacedOnce_andAStaleRejectionIsIgnored() {
        KeystoneSession session = session();
        String first = session.token();

        session.tokenRejected(first);
        String second = session.token();
        session.tokenRejected(first);

        assertThat(second).isEqualTo("token-2");
        assertThat(session.token()).isEqualTo(second);
        assertThat(session.tokensIssued()).isEqualTo(2);
    }

    @Test
    void concurrentCallers_shareOneIssue() throws Exception {
        keystone.issueDelay = Duration.ofMillis(100);
        KeystoneSession session = session();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try {
            List<Callable<Void>> calls = java.util.stream.IntStream.range(0, 64).<Callable<Void>>mapToObj(i -> () -> {
                start.await();
                seen.add(session.token());
                return null;
            }).toList();
            List<Future<Void>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Void> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(seen).containsExactly("token-1");
        assertThat(keystone.issues).hasValue(1);
    }

    @Test
    void theCatalogComesWithTheToken_andIsRefreshedWithoutANewToken() {
        keystone.catalog = catalog(Map.of(ONE, "http://127.0.0.1:9696"));
        KeystoneSession session = session(KeystoneOptions.defaults().withCatalogRefresh(Duration.ofMinutes(5)));

        assertThat(session.networkEndpoint(ONE)).contains(URI.create("http://127.0.0.1:9696"));
        keystone.catalog = catalog(Map.of(ONE, "http://127.0.0.1:19696"));
        clock.advance(Duration.ofMinutes(4));
        assertThat(session.networkEndpoint(ONE)).contains(URI.create("http://127.0.0.1:9696"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(session.networkEndpoint(ONE)).contains(URI.create("http://127.0.0.1:19696"));

        assertThat(session.tokensIssued()).isEqualTo(1);
        assertThat(session.catalogFetches()).isEqualTo(1);
    }

    @Test
    void anUnknownRegion_refreshesTheCatalog_atMostEveryFewSeconds() {
        keystone.catalog = catalog(Map.of(ONE, "http://127.0.0.1:9696"));
        KeystoneSession session = session();
        session.token();

        clock.advance(Duration.ofSeconds(KeystoneSession.MISS_REFRESH_SECONDS));
        keystone.catalog = catalog(Map.of(ONE, "http://127.0.0.1:9696", TWO, "http://127.0.0.1:9697"));
        assertThat(session.networkEndpoint(TWO)).contains(URI.create("http://127.0.0.1:9697"));
        assertThat(session.catalogFetches()).isEqualTo(1);

        assertThat(session.networkEndpoint(Region.of("RegionNine"))).isEmpty();
        assertThat(session.networkEndpoint(Region.of("RegionNine"))).isEmpty();
        assertThat(session.catalogFetches()).as("throttled").isEqualTo(1);
        clock.advance(Duration.ofSeconds(KeystoneSession.MISS_REFRESH_SECONDS));
        assertThat(session.diminetEndpoint(Region.of("RegionNine"))).isEmpty();
        assertThat(session.catalogFetches()).isEqualTo(2);
    }

    @Test
    void diminetEndpoint_fallsBackToTheNeutronHost() {
        keystone.catalog = new ServiceCatalog(Map.of(ONE, URI.create("http://10.0.0.1:9696"), TWO, URI.create("http://10.0.0.2:9696")),
                Map.of(ONE, URI.create("http://10.0.0.1:8080")));
        KeystoneSession session = session(KeystoneOptions.defaults().withDiminetPort(7000));

        assertThat(session.diminetEndpoint(ONE)).contains(URI.create("http://10.0.0.1:8080"));
        assertThat(session.diminetEndpoint(TWO)).contains(URI.create("http://10.0.0.2:7000"));
    }

    @Test
    void aFailedPeriodicRefresh_keepsTheLastCatalog() {
        keystone.catalog = catalog(Map.of(ONE, "http://127.0.0.1:9696"));
        KeystoneSession session = session();
        session.token();
        clock.advance(Duration.ofMinutes(6));
        keystone.failure = () -> new KeystoneException(KeystoneException.Kind.UNREACHABLE, null, 0, "down", null);

        assertThat(session.networkEndpoint(ONE)).contains(URI.create("http://127.0.0.1:9696"));
        assertThat(session.token()).isEqualTo("token-1");
    }

    @Test
    void aCatalogFetchWithARevokedToken_issuesANewOne() {
        keystone.catalog = catalog(Map.of(ONE, "http://127.0.0.1:9696"));
        KeystoneSession session = session();
        keystone.revoked = session.token();
        clock.advance(Duration.ofMinutes(6));

        assertThat(session.catalog().network()).containsKey(ONE);
        assertThat(session.token()).isEqualTo("token-2");
    }

    @Test
    void keystoneFailures_reachTheCaller() {
        KeystoneSession session = session();
        keystone.failure = () -> new KeystoneException(KeystoneException.Kind.UNAUTHORIZED, CREDENTIALS.authUrl(), 401,
                "refused the credentials of user 'admin'", null);

        assertThatThrownBy(session::token).isInstanceOf(KeystoneException.class).hasMessageContaining("user 'admin'");
        assertThatThrownBy(() -> session.networkEndpoint(ONE)).isInstanceOf(KeystoneException.class);
        assertThat(session.tokensIssued()).isZero();
    }

    @Test
    void anUnreachableKeystone_isAClearError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI authUrl = URI.create("http://127.0.0.1:" + port + "/v3");
        KeystoneSession session = new KeystoneSession(KeystoneCredentials.inDefaultDomain(authUrl, "admin", "secret", "admin"),
                KeystoneOptions.defaults());

        assertThatThrownBy(session::token).isInstanceOfSatisfying(KeystoneException.class, e -> {
            assertThat(e.kind()).isEqualTo(KeystoneException.Kind.UNREACHABLE);
            assertThat(e.getMessage()).contains("cannot reach Keystone at " + authUrl).contains("connection refused");
        });
    }

    @Test
    void credentials_addV3_andHideThePassword() {
        KeystoneCredentials c = KeystoneCredentials.inDefaultDomain(URI.create("http://10.0.0.1/identity/"), "u", "p4ss", "demo");

        assertThat(c.authUrl()).isEqualTo(URI.create("http://10.0.0.1/identity/v3"));
        assertThat(c.toString()).doesNotContain("p4ss").contains("password=***");
        assertThatThrownBy(() -> new KeystoneCredentials.Domain("a", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeystoneOptions.defaults().withEndpointInterface("private"))
                .hasMessageContaining("private");
    }

    private static ServiceCatalog catalog(Map<Region, String> network) {
        Map<Region, URI> uris = new java.util.HashMap<>();
        network.forEach((r, u) -> uris.put(r, URI.create(u)));
        return new ServiceCatalog(uris, Map.of());
    }
}
