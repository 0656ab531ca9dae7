package org.diminet.server.faults;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counted fault for matching requests ("drop the next DELETE to this site"), used up one request
 * at a time. Claiming is atomic, so concurrent matching requests never use a rule more often than
 * {@code times}.
 */
final class Rule {
    /** What happens to a request that claims the rule. */
    enum Action {
        /** Read the whole request, never forward it, reset the client connection. */
        DROP_REQUEST,
        /** Forward the request (so the target executes it), discard the answer, reset the client connection. */
        DROP_RESPONSE,
        /** Reset the client connection right after the request head; nothing is forwarded. */
        RESET_BEFORE
    }

    final RequestMatcher matcher;
    final Action action;
    private final AtomicInteger remaining;

    Rule(RequestMatcher matcher, Action action, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        this.matcher = matcher;
        this.action = action;
        this.remaining = new AtomicInteger(times);
    }

    /** Uses the rule once for this request if it matches and is not used up. */
    boolean claim(String method, String target) {
        if (!matcher.matches(method, target)) {
            return false;
        }
        int left;
        do {
            left = remaining.get();
            if (left <= 0) {
                return false;
            }
        } while (!remaining.compareAndSet(left, left - 1));
        return true;
    }

    boolean usedUp() {
        return remaining.get() <= 0;
    }

    @Override
    public String toString() {
        return action + " " + matcher + " (" + remaining.get() + " left)";
    }
}
