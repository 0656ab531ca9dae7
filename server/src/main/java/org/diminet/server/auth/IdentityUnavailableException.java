package org.diminet.server.auth;

/** Keystone could not be asked whether a token is valid: the request is answered 503, not 401. */
public class IdentityUnavailableException extends RuntimeException {
    public IdentityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
