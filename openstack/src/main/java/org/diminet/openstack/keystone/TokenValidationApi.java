package org.diminet.openstack.keystone;

import java.util.Optional;

/**
 * Asks Keystone about another party's token, as keystonemiddleware does for an OpenStack service:
 * {@code GET /v3/auth/tokens} with the service's own token in {@code X-Auth-Token} and the token to check
 * in {@code X-Subject-Token}. Knows nothing of caching or of renewing the service token: callers do both.
 */
public interface TokenValidationApi {

    /**
     * The bearer of {@code subjectToken}; empty when Keystone does not know it (404: unknown, expired,
     * revoked or forged), when it is scoped to no project (a domain, the system, or unscoped) or when it
     * holds characters no token has.
     *
     * @throws KeystoneException of kind {@link KeystoneException.Kind#UNAUTHORIZED} when Keystone rejects
     *                           {@code serviceToken} (renew it and ask again), of another kind when
     *                           Keystone cannot be reached or answers anything else (403 included: the
     *                           service user may not validate tokens). No message contains either token.
     */
    Optional<ValidatedToken> validateToken(String serviceToken, String subjectToken);

    /** Validation through the Keystone, options and HTTP client of {@code session}. */
    static TokenValidationApi over(KeystoneSession session) {
        return new HttpIdentityApi(session.credentials(), session.options(), session.httpClient());
    }
}
