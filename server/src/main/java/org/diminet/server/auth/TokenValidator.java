package org.diminet.server.auth;

import java.util.Optional;

/** Checks a bearer token with the identity service that issued it. */
public interface TokenValidator {

    /**
     * The token's bearer; empty when the token is unknown, expired, revoked or forged.
     *
     * @throws IdentityUnavailableException when the identity service cannot tell now (unreachable)
     */
    Optional<TokenInfo> validate(String token);

    /** The identity service's URL, named in a 401's {@code WWW-Authenticate} as OpenStack services do. */
    String identityUri();
}
