package org.diminet.openstack.keystone;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.diminet.core.domain.Region;
import org.diminet.openstack.http.HttpSupport;

/**
 * A Keystone v3 password session shared by every OpenStack adapter of a DIMINET instance. Thread-safe.
 *
 * <p><b>Token.</b> {@link #token()} returns a cached token and issues a new one ({@code POST /v3/auth/tokens},
 * token from the {@code X-Subject-Token} header) only when there is none, when the cached one is within
 * {@link KeystoneOptions#renewMargin()} of its {@code expires_at}, or after a service rejected it
 * ({@link #tokenRejected}). Concurrent callers wait for one issue instead of each making their own.
 *
 * <p><b>Catalog.</b> The catalog comes with every token. It is fetched again ({@code GET /v3/auth/catalog},
 * which issues no token) when it is older than {@link KeystoneOptions#catalogRefresh()} at the time it is
 * used, and when an endpoint is asked for a region it does not list (at most once every
 * {@value #MISS_REFRESH_SECONDS} s). If a periodic refresh fails, the last catalog is kept and the refresh
 * retried later: Neutron calls with a valid token need not stop because Keystone is briefly away.
 *
 * <p><b>Failures</b> are {@link KeystoneException}s whose message names the auth URL, and for refused
 * credentials the user and project.
 */
public final class KeystoneSession {
    static final long MISS_REFRESH_SECONDS = 5;
    private static final Duration MISS_REFRESH_INTERVAL = Duration.ofSeconds(MISS_REFRESH_SECONDS);
    private static final Duration FAILED_REFRESH_RETRY = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(KeystoneSession.class.getName());

    private final KeystoneCredentials credentials;
    private final KeystoneOptions options;
    private final IdentityApi api;
    private final Clock clock;
    private final HttpClient http;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong tokensIssued = new AtomicLong();
    private final AtomicLong catalogFetches = new AtomicLong();

    private volatile Token current;
    private volatile CatalogState catalog;

    /** A session with its own HTTP client. Nothing is sent until a token or endpoint is asked for. */
    public KeystoneSession(KeystoneCredentials credentials, KeystoneOptions options) {
        this(credentials, options, HttpSupport.newClient(options.connectTimeout()));
    }

    /** A session using {@code http}, which {@link #httpClient()} then hands to the service adapters. */
    public KeystoneSession(KeystoneCredentials credentials, KeystoneOptions options, HttpClient http) {
        this(credentials, options, new HttpIdentityApi(credentials, options, http), Clock.systemUTC(), http);
    }

    KeystoneSession(KeystoneCredentials credentials, KeystoneOptions options, IdentityApi api, Clock clock,
                    HttpClient http) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.options = Objects.requireNonNull(options, "options");
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = http;
    }

    public KeystoneCredentials credentials() {
        return credentials;
    }

    public KeystoneOptions options() {
        return options;
    }

    /** The HTTP client this session was built with, for the adapters that call the services. */
    public HttpClient httpClient() {
        return http;
    }

    /**
     * A valid token, issued now only if needed.
     *
     * @throws KeystoneException when a token is needed and Keystone refuses the credentials or cannot be reached
     */
    public String token() {
        Token token = current;
        if (token != null && clock.instant().isBefore(token.renewAt())) {
            return token.value();
        }
        lock.lock();
        try {
            token = current;
            if (token != null && clock.instant().isBefore(token.renewAt())) {
                return token.value();
            }
            return issue().value();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Tells the session a service answered 401 to {@code token}: the next {@link #token()} issues a new one.
     * A token that is no longer the current one (another thread already renewed it) is ignored, so many
     * threads failing with the same old token cause one renewal. Callers retry once, not in a loop.
     */
    public void tokenRejected(String token) {
        lock.lock();
        try {
            Token now = current;
            if (now != null && now.value().equals(token)) {
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many tokens this session has issued since it was made; stays at 1 while the first token is
     * valid and accepted.
     */
    public long tokensIssued() {
        return tokensIssued.get();
    }

    /**
     * The catalog, fetched first if there is none yet or it is due for its periodic refresh.
     *
     * @throws KeystoneException when there is no catalog yet and Keystone cannot give one
     */
    public ServiceCatalog catalog() {
        CatalogState state = catalog;
        if (state != null && clock.instant().isBefore(state.refreshAt())) {
            return state.catalog();
        }
        lock.lock();
        try {
            state = catalog;
            Instant now = clock.instant();
            if (state != null && now.isBefore(state.refreshAt())) {
                return state.catalog();
            }
            if (state == null) {
                return fetchCatalog().catalog();
            }
            try {
                return fetchCatalog().catalog();
            } catch (KeystoneException e) {
                LOG.log(System.Logger.Level.WARNING, "keeping the last Keystone catalog: " + e.getMessage());
                catalog = new CatalogState(state.catalog(), state.fetchedAt(), now.plus(min(FAILED_REFRESH_RETRY,
                        options.catalogRefresh())));
                return state.catalog();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The region's Neutron endpoint (without {@code /v2.0}) for the configured interface, if the catalog has one. */
    public Optional<URI> networkEndpoint(Region region) {
        return lookup(c -> c.networkEndpoint(region));
    }

    /**
     * The region's DIMINET: its {@code intersite} endpoint, else its Neutron host on
     * {@link KeystoneOptions#diminetPort()}; empty when the catalog knows neither.
     */
    public Optional<URI> diminetEndpoint(Region region) {
        return lookup(c -> c.diminetEndpoint(region, options.diminetPort()));
    }

    /** How many times the catalog was fetched without a token (for tests). */
    long catalogFetches() {
        return catalogFetches.get();
    }

    private Optional<URI> lookup(Function<ServiceCatalog, Optional<URI>> find) {
        Optional<URI> found = find.apply(catalog());
        if (found.isPresent()) {
            return found;
        }
        lock.lock();
        try {
            CatalogState state = catalog;
            if (state == null || !clock.instant().isBefore(state.fetchedAt().plus(MISS_REFRESH_INTERVAL))) {
                fetchCatalog();
            }
            return find.apply(catalog.catalog());
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: a fresh catalog, through the current token or, failing that, a new one. */
    private CatalogState fetchCatalog() {
        Token token = current;
        if (token == null || !clock.instant().isBefore(token.renewAt())) {
            issue();
            return catalog;
        }
        try {
            ServiceCatalog fetched = api.fetchCatalog(token.value());
            catalogFetches.incrementAndGet();
            Instant now = clock.instant();
            catalog = new CatalogState(fetched, now, now.plus(options.catalogRefresh()));
        } catch (KeystoneException e) {
            if (e.kind() != KeystoneException.Kind.UNAUTHORIZED) {
                throw e;
            }
            current = null;
            issue();
        }
        return catalog;
    }

    /** Under the lock: issues a token and takes the catalog that came with it. */
    private Token issue() {
        IssuedToken issued = api.issueToken();
        tokensIssued.incrementAndGet();
        Instant now = clock.instant();
        // Keystone's clock may differ from ours: use its lifetime, counted from our now.
        Duration lifetime = Duration.between(issued.issuedAt() == null ? now : issued.issuedAt(), issued.expiresAt());
        if (lifetime.isNegative()) {
            lifetime = Duration.ZERO;
        }
        Token token = new Token(issued.value(), now.plus(lifetime).minus(min(options.renewMargin(), lifetime.dividedBy(2))));
        current = token;
        catalog = new CatalogState(issued.catalog(), now, now.plus(options.catalogRefresh()));
        return token;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Token(String value, Instant renewAt) {
    }

    private record CatalogState(ServiceCatalog catalog, Instant fetchedAt, Instant refreshAt) {
    }
}
