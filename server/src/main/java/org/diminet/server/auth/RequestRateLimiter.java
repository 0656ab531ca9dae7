package org.diminet.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A token bucket per caller (a token's hash, or a client address for requests without one): a client
 * that floods a site gets 429 and a Retry-After while everyone else is served. Buckets of callers
 * that went quiet are forgotten, so memory stays bounded however many tokens are tried.
 */
public final class RequestRateLimiter {
    private final int perSecond;
    private final int burst;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    /** {@code perSecond} 0 turns the limit off. */
    public RequestRateLimiter(int perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(burst, perSecond);
    }

    /** Empty when the request may go on; otherwise how many seconds to wait before the next one. */
    public OptionalLong admit(String callerKey) {
        if (perSecond <= 0) {
            return OptionalLong.empty();
        }
        Bucket bucket = buckets.get(callerKey, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }
}
