package org.diminet.server.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/**
 * Keystone v3's password authentication body ({@code POST /v3/auth/tokens}), as far as the embedded
 * identity reads it. Domains (of the user or the project) may be given by id or name and are ignored:
 * the embedded identity has one domain. Users and projects may be named by id or name, the same here.
 */
record KeystoneAuthRequest(Auth auth) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    record Auth(Identity identity, Scope scope) {
    }

    record Identity(List<String> methods, Password password) {
    }

    record Password(User user) {
    }

    record User(String id, String name, String password) {
    }

    record Scope(Project project) {
    }

    record Project(String id, String name) {
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
