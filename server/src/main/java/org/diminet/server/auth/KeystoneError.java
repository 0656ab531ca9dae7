package org.diminet.server.auth;

import io.swagger.v3.oas.annotations.media.Schema;

/** Keystone's error body: {@code {"error": {"code", "title", "message"}}}. */
@Schema(name = "KeystoneError", description = "An error of the identity API, in Keystone's shape")
record KeystoneError(@Schema(description = "The error") Error error) {

    @Schema(name = "KeystoneErrorDetail", description = "The error, as Keystone reports it")
    record Error(@Schema(description = "The HTTP status", example = "401") int code,
                 @Schema(description = "The status's reason phrase", example = "Unauthorized") String title,
                 @Schema(description = "What went wrong, in Keystone's words",
                         example = "The request you have made requires authentication.") String message) {
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
