package org.diminet.openstack.keystone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** An in-memory Keystone: numbered tokens with a fixed lifetime and a catalog the test can change. */
final class FakeIdentityApi implements IdentityApi {
    final AtomicInteger issues = new AtomicInteger();
    final AtomicInteger catalogCalls = new AtomicInteger();
    private final Clock clock;
    volatile Duration lifetime = Duration.ofHours(1);
    volatile ServiceCatalog catalog = ServiceCatalog.empty();
    volatile Supplier<RuntimeException> failure;
    volatile String revoked;
    volatile Duration issueDelay = Duration.ZERO;

    FakeIdentityApi(Clock clock) {
        this.clock = clock;
    }

    @Override
    public IssuedToken issueToken() {
        fail();
        sleep(issueDelay);
        int n = issues.incrementAndGet();
        Instant now = clock.instant();
        return new IssuedToken("token-" + n, now, now.plus(lifetime), catalog);
    }

    @Override
    public ServiceCatalog fetchCatalog(String token) {
        fail();
        catalogCalls.incrementAndGet();
        if (token.equals(revoked)) {
            throw new KeystoneException(KeystoneException.Kind.UNAUTHORIZED, null, 401, "revoked", null);
        }
        return catalog;
    }

    private void fail() {
        Supplier<RuntimeException> f = failure;
        if (f != null) {
            throw f.get();
        }
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
