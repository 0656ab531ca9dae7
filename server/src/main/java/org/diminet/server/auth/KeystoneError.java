package org.diminet.server.auth;

/** Keystone's error body: {@code {"error": {"code", "title", "message"}}}. */
record KeystoneError(Error error) {

    record Error(int code, String title, String message) {
    }

    static KeystoneError of(int code, String title, String message) {
        return new KeystoneError(new Error(code, title, message));
    }

    static KeystoneError unauthorized() {
        return of(401, "Unauthorized", "The request you have made requires authentication.");
    }

    static KeystoneError forbidden(String action) {
        return of(403, "Forbidden", "You are not authorized to perform the requested action: " + action + ".");
    }

    static KeystoneError notFound(String message) {
        return of(404, "Not Found", message);
    }

    static KeystoneError badRequest(String message) {
        return of(400, "Bad Request", message);
    }
}
