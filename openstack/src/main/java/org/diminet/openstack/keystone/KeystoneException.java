package org.diminet.openstack.keystone;

import java.net.URI;

/**
 * Keystone could not give a token or a catalog. The message names the auth URL (and, for refused
 * credentials, the user and project), so it can be shown to an operator as it is.
 *
 * <p>Adapters that implement core ports turn it into a {@link org.diminet.core.domain.error.VimException} naming
 * their region.
 */
public final class KeystoneException extends RuntimeException {

    /** How the request to Keystone failed. */
    public enum Kind {
        /** 401: wrong user, password, project or domain. */
        UNAUTHORIZED,
        /** Keystone answered with another error status (403, 404, 5xx...). */
        REFUSED,
        /** No answer: connection refused, unknown host, timeout. */
        UNREACHABLE,
        /** An answer DIMINET cannot use (no X-Subject-Token, no expires_at, not JSON...). */
        BAD_RESPONSE
    }

    private final Kind kind;
    private final URI authUrl;
    private final int status;

    public KeystoneException(Kind kind, URI authUrl, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.authUrl = authUrl;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    public URI authUrl() {
        return authUrl;
    }

    /** Keystone's HTTP status, or 0 when it gave no answer. */
    public int status() {
        return status;
    }
}
