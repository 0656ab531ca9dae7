package org.diminet.server.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A token the embedded identity issued, with what it says about its bearer.
 *
 * @param token the token itself, for {@code X-Subject-Token}; never shown by {@link #toString()}
 */
public record IssuedToken(String token, TokenInfo info, Instant issuedAt) {
    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    @Override
    public String toString() {
        return "IssuedToken[token=***, info=" + info + ", issuedAt=" + issuedAt + "]";
    }
}
