package org.diminet.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.diminet.openstack.keystone.KeystoneException;
import org.diminet.openstack.keystone.KeystoneSession;
import org.diminet.openstack.keystone.TokenValidationApi;
import org.diminet.openstack.keystone.ValidatedToken;

/**
 * Checks tokens with Keystone, as keystonemiddleware does: {@code GET /v3/auth/tokens} with DIMINET's own
 * service token, the answer cached. A valid token is believed until its expiry or for {@code cacheTime},
 * whichever comes first (so a revocation takes up to {@code cacheTime} to be seen); a refused one is
 * remembered for a few seconds, which blunts floods of forged tokens. The cache holds SHA-256 digests of
 * tokens, never the tokens. Thread-safe; concurrent checks of one token make one request.
 */
public final class KeystoneTokenValidator implements TokenValidator {
    static final Duration NEGATIVE_CACHE_TIME = Duration.ofSeconds(5);
    static final long MAX_ENTRIES = 10_000;

    private final TokenValidationApi api;
    private final Supplier<String> serviceToken;
    private final Consumer<String> serviceTokenRejected;
    private final String identityUri;
    private final Duration cacheTime;
    private final Duration negativeCacheTime;
    private final Clock clock;
    private final Cache<String, Answer> cache;

    /** Validation through {@code session}'s Keystone, with its token as the service token. */
    public KeystoneTokenValidator(KeystoneSession session, Duration cacheTime, Clock clock) {
        this(TokenValidationApi.over(session), session::token, session::tokenRejected,
                session.credentials().authUrl().toString(), cacheTime, clock);
    }

    /**
     * @param serviceToken         DIMINET's own token (a {@link KeystoneException} from it means Keystone
     *                             cannot be asked)
     * @param serviceTokenRejected told when Keystone rejected that token, so the next one is new
     * @param cacheTime            how long a valid token is believed without asking again; zero asks every time
     */
    public KeystoneTokenValidator(TokenValidationApi api, Supplier<String> serviceToken,
                                  Consumer<String> serviceTokenRejected, String identityUri, Duration cacheTime,
                                  Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.serviceToken = Objects.requireNonNull(serviceToken, "serviceToken");
        this.serviceTokenRejected = Objects.requireNonNull(serviceTokenRejected, "serviceTokenRejected");
        this.identityUri = Objects.requireNonNull(identityUri, "identityUri");
        Objects.requireNonNull(cacheTime, "cacheTime");
        if (cacheTime.isNegative()) {
            throw new IllegalArgumentException("diminet.auth.cache-time must not be negative, not " + cacheTime);
        }
        this.cacheTime = cacheTime;
        this.negativeCacheTime = cacheTime.compareTo(NEGATIVE_CACHE_TIME) < 0 ? cacheTime : NEGATIVE_CACHE_TIME;
        this.clock = Objects.requireNonNull(clock, "clock");
        // Caffeine evicts on its own ticker; validate() also checks each answer's end against the clock.
        this.cache = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfter(Expiry.creating((String key, Answer answer) -> remaining(answer)))
                .build();
    }

    /**
     * @throws IdentityUnavailableException when Keystone cannot be reached, answers an error, or rejects
     *                                      DIMINET's own service token even after it was renewed
     */
    @Override
    public Optional<TokenInfo> validate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String key = TokenDigest.of(token);
        Answer cached = cache.getIfPresent(key);
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.info();
        }
        if (cached != null) {
            cache.asMap().remove(key, cached);
        }
        return cache.get(key, k -> ask(token)).info();
    }

    @Override
    public String identityUri() {
        return identityUri;
    }

    /** How many answers are cached now (for tests). */
    long cachedAnswers() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** The keys of the cached answers (for tests: digests, not tokens). */
    Set<String> cachedKeys() {
        return Set.copyOf(cache.asMap().keySet());
    }

    @Override
    public String toString() {
        return "KeystoneTokenValidator[" + identityUri + ", cacheTime=" + cacheTime + "]";
    }

    private Answer ask(String token) {
        Instant asked = clock.instant();
        Optional<ValidatedToken> validated = askKeystone(token).filter(t -> asked.isBefore(t.expiresAt()));
        if (validated.isEmpty()) {
            return new Answer(Optional.empty(), asked.plus(negativeCacheTime));
        }
        ValidatedToken t = validated.get();
        Instant until = asked.plus(cacheTime);
        return new Answer(Optional.of(new TokenInfo(t.userId(), t.userName(), t.projectId(), t.projectName(), t.roles(),
                t.expiresAt())), t.expiresAt().isBefore(until) ? t.expiresAt() : until);
    }

    private Optional<ValidatedToken> askKeystone(String token) {
        String service = serviceToken();
        try {
            return api.validateToken(service, token);
        } catch (KeystoneException e) {
            if (e.kind() != KeystoneException.Kind.UNAUTHORIZED) {
                throw unavailable(e);
            }
        }
        // Keystone no longer takes DIMINET's own token (expired, revoked): once with a new one.
        serviceTokenRejected.accept(service);
        try {
            return api.validateToken(serviceToken(), token);
        } catch (KeystoneException e) {
            throw unavailable(e);
        }
    }

    private String serviceToken() {
        try {
            return serviceToken.get();
        } catch (KeystoneException e) {
            throw unavailable(e);
        }
    }

    private static IdentityUnavailableException unavailable(KeystoneException e) {
        return new IdentityUnavailableException("cannot check a token with Keystone: " + e.getMessage(), e);
    }

    private Duration remaining(Answer answer) {
        Duration left = Duration.between(clock.instant(), answer.until());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Keystone's answer about one token, believed until {@code until}. */
    private record Answer(Optional<TokenInfo> info, Instant until) {
    }
}
