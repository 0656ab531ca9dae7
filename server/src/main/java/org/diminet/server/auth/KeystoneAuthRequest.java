package org.diminet.server.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Optional;

/**
 * Keystone v3's password authentication body ({@code POST /v3/auth/tokens}), as far as the embedded
 * identity reads it. Domains (of the user or the project) may be given by id or name and are ignored:
 * the embedded identity has one domain. Users and projects may be named by id or name, the same here.
 */
@Schema(name = "KeystoneAuthRequest", description = "Keystone v3's password authentication")
record KeystoneAuthRequest(@Schema(description = "What to authenticate", requiredMode = Schema.RequiredMode.REQUIRED)
                           Auth auth) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Schema(name = "KeystoneAuth", description = "The identity and, optionally, the project to scope the token to")
    record Auth(@Schema(description = "Who", requiredMode = Schema.RequiredMode.REQUIRED) Identity identity,
                @Schema(description = "The project; absent for the user's own project") Scope scope) {
    }

    @Schema(name = "KeystoneIdentity", description = "The authentication methods and their data")
    record Identity(@Schema(description = "Must contain `password`, the only method the embedded identity knows",
                            example = "[\"password\"]", requiredMode = Schema.RequiredMode.REQUIRED)
                    List<String> methods,
                    @Schema(description = "The password method's data") Password password) {
    }

    @Schema(name = "KeystonePassword", description = "The password method's data")
    record Password(@Schema(description = "The user and password", requiredMode = Schema.RequiredMode.REQUIRED)
                    User user) {
    }

    @Schema(name = "KeystonePasswordUser", description = "A user named by name or id (the same here), with the"
            + " password; a `domain` is accepted and ignored")
    record User(@Schema(description = "The user's id (its name here)", example = "alice") String id,
                @Schema(description = "The user's name", example = "alice") String name,
                @Schema(description = "The password", example = "s3cret", format = "password",
                        requiredMode = Schema.RequiredMode.REQUIRED) String password) {
    }

    @Schema(name = "KeystoneScope", description = "What to scope the token to: only a project is issued here")
    record Scope(@Schema(description = "The project") Project project) {
    }

    @Schema(name = "KeystoneScopeProject", description = "A project named by name or id (the same here); a `domain` is"
            + " accepted and ignored")
    record Project(@Schema(description = "The project's id (its name here)", example = "project-a") String id,
                   @Schema(description = "The project's name", example = "project-a") String name) {
    }

    /**
     * What a request asks for.
     *
     * @param issuable false when it asks for what this identity never issues (another method than
     *                 password, a scope other than a project): Keystone answers that with 401 too
     */
    record Credentials(String user, String password, Optional<String> project, boolean issuable) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***, project=" + project + ", issuable=" + issuable + "]";
        }
    }

    /**
     * @throws IllegalArgumentException saying what is missing, for Keystone's 400
     */
    static Credentials read(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("Expecting to find auth in request body.");
        }
        KeystoneAuthRequest request;
        try {
            request = JSON.readValue(body, KeystoneAuthRequest.class);
        } catch (JsonProcessingException e) {
            // Jackson's message would quote the body, password included.
            throw new IllegalArgumentException("The request body is not Keystone's v3 authentication JSON.");
        }
        Auth auth = request == null ? null : request.auth();
        if (auth == null || auth.identity() == null || auth.identity().methods() == null) {
            throw new IllegalArgumentException("Expecting to find auth.identity.methods in request body.");
        }
        boolean issuable = auth.identity().methods().contains("password");
        Password password = auth.identity().password();
        if (!issuable) {
            return new Credentials(null, null, Optional.empty(), false);
        }
        User user = password == null ? null : password.user();
        if (user == null || firstOf(user.name(), user.id()) == null || user.password() == null) {
            throw new IllegalArgumentException("Expecting to find auth.identity.password.user with a name (or id) and a "
                    + "password in request body.");
        }
        Optional<String> project = Optional.empty();
        if (auth.scope() != null) {
            Project scoped = auth.scope().project();
            if (scoped == null) {
                issuable = false;
            } else if (firstOf(scoped.name(), scoped.id()) == null) {
                throw new IllegalArgumentException("Expecting to find auth.scope.project with a name or an id in request body.");
            } else {
                project = Optional.of(firstOf(scoped.name(), scoped.id()));
            }
        }
        return new Credentials(firstOf(user.name(), user.id()), user.password(), project, issuable);
    }

    private static String firstOf(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }
}
