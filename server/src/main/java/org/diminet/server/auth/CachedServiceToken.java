package org.diminet.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * This site's own service token for East-West calls, issued by the embedded identity and reused until
 * four fifths of its life are gone (or a peer refused it), rather than signed anew for every call.
 */
public final class CachedServiceToken implements Supplier<String> {
    private final Supplier<String> issue;
    private final Duration reuseFor;
    private final Clock clock;
    private volatile Held current;

    private record Held(String token, Instant renewAt) {
    }

    public CachedServiceToken(Supplier<String> issue, Duration lifetime, Clock clock) {
        this.issue = issue;
        this.reuseFor = lifetime.multipliedBy(4).dividedBy(5);
        this.clock = clock;
    }

    @Override
    public String get() {
        Held held = current;
        if (held == null || !clock.instant().isBefore(held.renewAt())) {
            synchronized (this) {
                held = current;
                if (held == null || !clock.instant().isBefore(held.renewAt())) {
                    held = new Held(issue.get(), clock.instant().plus(reuseFor));
                    current = held;
                }
            }
        }
        return held.token();
    }

    public void forget() {
        current = null;
    }
}
