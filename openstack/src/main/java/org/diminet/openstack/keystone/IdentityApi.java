package org.diminet.openstack.keystone;

/** The two Keystone calls a session makes; the seam that lets the session's logic be tested alone. */
interface IdentityApi {

    /** {@code POST /v3/auth/tokens} with the session's credentials. */
    IssuedToken issueToken();

    /**
     * {@code GET /v3/auth/catalog}.
     *
     * @throws KeystoneException of kind {@link KeystoneException.Kind#UNAUTHORIZED} when the token is no
     *                           longer valid
     */
    ServiceCatalog fetchCatalog(String token);
}
