package org.diminet.server.auth;

/**
 * The embedded identity refused to issue a token: unknown user, wrong password, or a project the user is
 * not in. The message says which, for the site's log; a client is only ever told Keystone's 401.
 */
public class AuthenticationFailedException extends RuntimeException {
    public AuthenticationFailedException(String message) {
        super(message);
    }
}
