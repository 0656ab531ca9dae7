package org.diminet.server.auth;

import org.diminet.openstack.keystone.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.diminet.openstack.keystone.KeystoneException;
import org.diminet.openstack.keystone.TokenValidationApi;
import org.diminet.openstack.keystone.ValidatedToken;
import org.junit.jupiter.api.Test;

/** The cache and the service-token handling, against an in-memory Keystone. */
class KeystoneTokenValidatorTest {
    private static final Duration CACHE_TIME = Duration.ofMinutes(5);
    private static final String USER_TOKEN = "gAAAAABuser-token";

    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-22T12:00:00.123456789Z"));
    private final FakeKeystone keystone = new FakeKeystone();
    private final List<String> rejectedServiceTokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger serviceTokensIssued = new AtomicInteger(1);
    private volatile Supplier<String> serviceToken = () -> "service-" + serviceTokensIssued.get();
    private final KeystoneTokenValidator validator = validator(CACHE_TIME);

    @Test
    void aValidToken_isItsBearer_andIsAskedForOnce() {
        keystone.tokens.put(USER_TOKEN, token(Duration.ofHours(1)));

        Optional<TokenInfo> first = validator.validate(USER_TOKEN);
        Optional<TokenInfo> second = validator.validate(USER_TOKEN);

        assertThat(first).contains(new TokenInfo("u-1", "alice", "p-1", "demo", Set.of("member"),
                clock.instant().plus(Duration.ofHours(1))));
        assertThat(second).isEqualTo(first);
        assertThat(keystone.calls.get()).isEqualTo(1);
        assertThat(keystone.serviceTokensSeen).containsExactly("service-1");
    }

    @Test
    void anAnswerIsBelievedForTheCacheTime_thenAskedAgain() {
        keystone.tokens.put(USER_TOKEN, token(Duration.ofHours(1)));
        validator.validate(USER_TOKEN);
        keystone.tokens.remove(USER_TOKEN); // revoked in Keystone

        clock.advance(CACHE_TIME.minusSeconds(1));
        assertThat(validator.validate(USER_TOKEN)).as("a revocation is seen only after the cache time").isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(validator.validate(USER_TOKEN)).isEmpty();
        assertThat(keystone.calls.get()).isEqualTo(2);
    }

    @Test
    void aTokenIsNeverBelievedPastItsExpiry_evenWithinTheCacheTime() {
        keystone.tokens.put(USER_TOKEN, token(Duration.ofMinutes(1)));
        assertThat(validator.validate(USER_TOKEN)).isPresent();

        clock.advance(Duration.ofMinutes(1));

        // The fake Keystone still vouches for it: the expiry alone must refuse it.
        assertThat(validator.validate(USER_TOKEN)).isEmpty();
        assertThat(keystone.calls.get()).isEqualTo(2);
    }

    @Test
    void aRefusedToken_isRememberedBriefly() {
        for (int i = 0; i < 100; i++) {
            assertThat(validator.validate("forged-" + (i % 2))).isEmpty();
        }
        assertThat(keystone.calls.get()).isEqualTo(2);

        keystone.tokens.put("forged-0", token(Duration.ofHours(1)));
        clock.advance(KeystoneTokenValidator.NEGATIVE_CACHE_TIME);

        assertThat(validator.validate("forged-0")).isPresent();
        assertThat(keystone.calls.get()).isEqualTo(3);
    }

    @Test
    void theCacheHoldsDigests_notTokens() {
        keystone.tokens.put(USER_TOKEN, token(Duration.ofHours(1)));
        validator.validate(USER_TOKEN);
        validator.validate("forged");

        assertThat(validator.cachedKeys()).hasSize(2).allSatisfy(key -> {
            assertThat(key).hasSize(64).doesNotContain(USER_TOKEN).doesNotContain("forged");
            assertThat(HexFormat.isHexDigit(key.charAt(0))).isTrue();
        });
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < KeystoneTokenValidator.MAX_ENTRIES + 2_000; i++) {
            validator.validate("forged-" + i);
        }

        assertThat(validator.cachedAnswers()).isLessThanOrEqualTo(KeystoneTokenValidator.MAX_ENTRIES);
    }

    @Test
    void aRejectedServiceToken_isRenewedOnce_andTheCheckSucceeds() {
        keystone.tokens.put(USER_TOKEN, token(Duration.ofHours(1)));
        keystone.validServiceTokens = Set.of("service-2");

        assertThat(validator.validate(USER_TOKEN)).isPresent();

        assertThat(rejectedServiceTokens).containsExactly("service-1");
        assertThat(keystone.serviceTokensSeen).containsExactly("service-1", "service-2");
    }

    @Test
    void aServiceTokenRejectedTwice_isIdentityUnavailable_notAnInvalidToken() {
        keystone.tokens.put(USER_TOKEN, token(Duration.ofHours(1)));
        keystone.validServiceTokens = Set.of();

        assertThatThrownBy(() -> validator.validate(USER_TOKEN)).isInstanceOf(IdentityUnavailableException.class)
                .hasMessageContaining("cannot check a token with Keystone");
        assertThat(keystone.calls.get()).isEqualTo(2);
    }

    @Test
    void keystoneErrors_areIdentityUnavailable_andNotCached() {
        keystone.tokens.put(USER_TOKEN, token(Duration.ofHours(1)));
        keystone.failure = () -> new KeystoneException(KeystoneException.Kind.REFUSED, URI.create("http://ks/v3"), 503,
                "Keystone at http://ks/v3 answered 503", null);

        assertThatThrownBy(() -> validator.validate(USER_TOKEN)).isInstanceOf(IdentityUnavailableException.class)
                .hasMessageContaining("answered 503");
        keystone.failure = () -> new KeystoneException(KeystoneException.Kind.UNREACHABLE, URI.create("http://ks/v3"), 0,
                "cannot reach Keystone at http://ks/v3", null);
        assertThatThrownBy(() -> validator.validate(USER_TOKEN)).isInstanceOf(IdentityUnavailableException.class);

        keystone.failure = null;
        assertThat(validator.validate(USER_TOKEN)).isPresent();
        assertThat(keystone.calls.get()).isEqualTo(3);
    }

    @Test
    void noServiceToken_isIdentityUnavailable() {
        serviceToken = () -> {
            throw new KeystoneException(KeystoneException.Kind.UNAUTHORIZED, URI.create("http://ks/v3"), 401,
                    "Keystone refused the credentials of user 'diminet'", null);
        };

        assertThatThrownBy(() -> validator.validate(USER_TOKEN)).isInstanceOf(IdentityUnavailableException.class)
                .hasMessageContaining("refused the credentials of user 'diminet'");
    }

    @Test
    void concurrentChecksOfOneToken_askOnce() throws Exception {
        keystone.tokens.put(USER_TOKEN, token(Duration.ofHours(1)));
        CountDownLatch release = new CountDownLatch(1);
        keystone.gate = release;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<TokenInfo>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> validator.validate(USER_TOKEN)));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<Optional<TokenInfo>> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(keystone.calls.get()).isEqualTo(1);
    }

    @Test
    void aZeroCacheTime_asksEveryTime() {
        KeystoneTokenValidator uncached = validator(Duration.ZERO);
        keystone.tokens.put(USER_TOKEN, token(Duration.ofHours(1)));

        uncached.validate(USER_TOKEN);
        uncached.validate(USER_TOKEN);
        uncached.validate("forged");
        uncached.validate("forged");

        assertThat(keystone.calls.get()).isEqualTo(4);
    }

    @Test
    void emptyTokens_areNoTokens_withoutAsking() {
        assertThat(validator.validate(null)).isEmpty();
        assertThat(validator.validate("")).isEmpty();
        assertThat(keystone.calls.get()).isZero();
        assertThat(validator.identityUri()).isEqualTo("http://keystone.test:5000/v3");
    }

    private KeystoneTokenValidator validator(Duration cacheTime) {
        return new KeystoneTokenValidator(keystone, () -> serviceToken.get(), rejected -> {
            rejectedServiceTokens.add(rejected);
            serviceTokensIssued.incrementAndGet();
        }, "http://keystone.test:5000/v3", cacheTime, clock);
    }

    private ValidatedToken token(Duration lifetime) {
        return new ValidatedToken("u-1", "alice", "p-1", "demo", Set.of("member"), clock.instant().plus(lifetime));
    }

    /** Keystone's token validation in memory: 404 (empty) for unknown tokens, 401 for unknown service tokens. */
    private static final class FakeKeystone implements TokenValidationApi {
        final Map<String, ValidatedToken> tokens = new ConcurrentHashMap<>();
        final AtomicInteger calls = new AtomicInteger();
        final List<String> serviceTokensSeen = new CopyOnWriteArrayList<>();
        volatile Set<String> validServiceTokens = Set.of("service-1");
        volatile Supplier<KeystoneException> failure;
        volatile CountDownLatch gate;

        @Override
        public Optional<ValidatedToken> validateToken(String serviceToken, String subjectToken) {
            calls.incrementAndGet();
            serviceTokensSeen.add(serviceToken);
            await();
            Supplier<KeystoneException> f = failure;
            if (f != null) {
                throw f.get();
            }
            if (!validServiceTokens.contains(serviceToken)) {
                throw new KeystoneException(KeystoneException.Kind.UNAUTHORIZED, URI.create("http://ks/v3"), 401,
                        "Keystone at http://ks/v3 no longer accepts the service token", null);
            }
            return Optional.ofNullable(tokens.get(subjectToken));
        }

        private void await() {
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
