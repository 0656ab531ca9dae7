package org.diminet.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.diminet.server.settings.SiteProperties;

/**
 * The site's own identity service, standing in for Keystone where there is none (demo, tests): it
 * issues tokens to the configured users and checks them. Tokens are signed and self-contained (see
 * {@link SignedTokens}), so every site configured with the same signing key accepts every other's
 * tokens without asking it. In embedded mode a user's id is its name, and a project's id its name.
 *
 * <p>Revocation is kept in this site's memory until the token expires: a token revoked here stays
 * valid at the other sites, and here again after a restart. Thread-safe.
 */
public final class EmbeddedIdentity implements TokenValidator {
    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Account> accounts;
    private final SignedTokens tokens;
    private final Duration tokenLifetime;
    private final Clock clock;
    private final String identityUri;
    // Nonce of each revoked token → its expiry, after which it is refused anyway and can be forgotten.
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private volatile Instant nextPrune = Instant.MIN;

    /**
     * @param users         who may get a token; names unique, each with a password and a project
     * @param signingKey    the key that signs and checks tokens, 32 bytes or more
     * @param tokenLifetime how long an issued token is valid
     * @param identityUri   this service's URL as clients reach it, e.g. {@code http://127.0.0.1:7575/v3}
     * @throws IllegalArgumentException naming the setting at fault
     */
    public EmbeddedIdentity(List<SiteProperties.User> users, byte[] signingKey, Duration tokenLifetime, Clock clock,
                            String identityUri) {
        this.tokens = new SignedTokens(signingKey);
        this.accounts = accounts(users);
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("diminet.auth.token-lifetime must be positive, not " + tokenLifetime);
        }
        this.tokenLifetime = tokenLifetime;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.identityUri = Objects.requireNonNull(identityUri, "identityUri");
    }

    /**
     * The key {@code diminet.auth.signing-key} gives, in base64.
     *
     * @throws IllegalArgumentException when it is missing, not base64, or shorter than 32 bytes
     */
    public static byte[] signingKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("diminet.auth.signing-key is missing: the embedded identity needs a base64 "
                    + "key of " + SignedTokens.MIN_KEY_BYTES + " bytes or more (e.g. from 'openssl rand -base64 32'), "
                    + "the same at every site");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("diminet.auth.signing-key is not base64 (" + e.getMessage() + ")");
        }
        if (key.length < SignedTokens.MIN_KEY_BYTES) {
            throw new IllegalArgumentException("diminet.auth.signing-key has " + key.length + " bytes; it needs at least "
                    + SignedTokens.MIN_KEY_BYTES + " (e.g. from 'openssl rand -base64 32')");
        }
        return key;
    }

    /**
     * A token for a user who gave the right password, scoped to the user's project.
     *
     * @param projectName the project asked for (by name or id, the same here); empty for the user's own
     * @throws AuthenticationFailedException for an unknown user, a wrong password or another project
     */
    public IssuedToken issue(String userName, String password, Optional<String> projectName) {
        Account account = userName == null ? null : accounts.get(userName);
        // Unknown users cost the same comparison as known ones, so timing tells no names.
        byte[] expected = account == null ? Account.NOBODY : account.passwordDigest();
        boolean passwordMatches = MessageDigest.isEqual(expected, digest(password == null ? "" : password));
        if (account == null) {
            throw new AuthenticationFailedException("no user '" + printable(userName) + "' in diminet.auth.users");
        }
        if (!passwordMatches) {
            throw new AuthenticationFailedException("wrong password for user '" + userName + "'");
        }
        if (projectName.isPresent() && !projectName.get().equals(account.project())) {
            throw new AuthenticationFailedException("user '" + userName + "' is not in project '"
                    + printable(projectName.get()) + "'");
        }
        return issue(account);
    }

    /**
     * A token for one of the configured users without its password: the site's own service user, for
     * the calls it makes to its peers.
     *
     * @throws IllegalArgumentException when {@code userName} is not a configured user
     */
    public IssuedToken issueFor(String userName) {
        Account account = accounts.get(userName);
        if (account == null) {
            throw new IllegalArgumentException("no user '" + userName + "' in diminet.auth.users; known: " + accounts.keySet());
        }
        return issue(account);
    }

    @Override
    public Optional<TokenInfo> validate(String token) {
        return inspect(token).map(IssuedToken::info);
    }

    /** A valid token with the time it was issued; empty for a token {@link #validate} refuses. */
    public Optional<IssuedToken> inspect(String token) {
        Instant now = clock.instant();
        return tokens.verify(token)
                .filter(claims -> now.isBefore(claims.expiresAt()) && !revoked.containsKey(claims.nonce()))
                .map(claims -> new IssuedToken(token, info(claims), claims.issuedAt()));
    }

    /**
     * Makes a valid token invalid here until it expires.
     *
     * @return false when the token was not valid (unknown, expired, already revoked): nothing to revoke
     */
    public boolean revoke(String token) {
        Instant now = clock.instant();
        Optional<SignedTokens.Claims> claims = tokens.verify(token).filter(c -> now.isBefore(c.expiresAt()));
        if (claims.isEmpty()) {
            return false;
        }
        pruneIfDue(now);
        return revoked.putIfAbsent(claims.get().nonce(), claims.get().expiresAt()) == null;
    }

    @Override
    public String identityUri() {
        return identityUri;
    }

    /** How many revocations are remembered (for tests of the pruning). */
    int revocationsKept() {
        return revoked.size();
    }

    @Override
    public String toString() {
        return "EmbeddedIdentity[uri=" + identityUri + ", users=" + accounts.keySet() + ", tokenLifetime=" + tokenLifetime
                + ", " + tokens + "]";
    }

    private IssuedToken issue(Account account) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        SignedTokens.Claims claims = new SignedTokens.Claims(account.name(), account.project(), account.roles(), now,
                now.plus(tokenLifetime), Base64.getUrlEncoder().withoutPadding().encodeToString(nonce));
        return new IssuedToken(tokens.sign(claims), info(claims), now);
    }

    private void pruneIfDue(Instant now) {
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(PRUNE_INTERVAL);
        revoked.values().removeIf(expiresAt -> !now.isBefore(expiresAt));
    }

    /** A name a client sent, fit for a log line: no line breaks or other controls, not too long. */
    private static String printable(String text) {
        String shown = text == null ? "" : text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static TokenInfo info(SignedTokens.Claims claims) {
        return new TokenInfo(claims.user(), claims.user(), claims.project(), claims.project(), Set.copyOf(claims.roles()),
                claims.expiresAt());
    }

    private static Map<String, Account> accounts(List<SiteProperties.User> users) {
        Objects.requireNonNull(users, "users");
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (SiteProperties.User user : users) {
            if (user.name() == null || user.name().isBlank()) {
                throw new IllegalArgumentException("diminet.auth.users: a user has no name");
            }
            if (user.password() == null || user.password().isEmpty()) {
                throw new IllegalArgumentException("diminet.auth.users: user '" + user.name() + "' has no password");
            }
            if (user.project() == null || user.project().isBlank()) {
                throw new IllegalArgumentException("diminet.auth.users: user '" + user.name() + "' has no project");
            }
            Account account = new Account(user.name(), digest(user.password()), user.project(), List.copyOf(user.roles()));
            if (accounts.putIfAbsent(user.name(), account) != null) {
                throw new IllegalArgumentException("diminet.auth.users: user '" + user.name() + "' is listed twice");
            }
        }
        return Collections.unmodifiableMap(accounts);
    }

    // Passwords are compared as digests: equal lengths, so the comparison's time tells nothing.
    private static byte[] digest(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private record Account(String name, byte[] passwordDigest, String project, List<String> roles) {
        static final byte[] NOBODY = digest("\0no user\0");

        @Override
        public String toString() {
            return "Account[" + name + ", project=" + project + ", roles=" + roles + "]";
        }
    }
}
