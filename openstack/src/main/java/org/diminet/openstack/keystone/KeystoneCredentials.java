package org.diminet.openstack.keystone;

import java.net.URI;
import java.util.Objects;

/**
 * Who a {@link KeystoneSession} authenticates as: password authentication, scoped to a project.
 *
 * @param authUrl       Keystone's identity URL, e.g. {@code http://127.0.0.1:5000/v3}; {@code /v3} is
 *                      appended when missing
 * @param username      the user's name (unique within {@code userDomain})
 * @param password      the user's password; never shown by {@link #toString()}
 * @param project       the name of the project the token is scoped to (unique within {@code projectDomain})
 * @param userDomain    the user's domain
 * @param projectDomain the project's domain
 */
public record KeystoneCredentials(URI authUrl, String username, String password, String project,
                                  Domain userDomain, Domain projectDomain) {

    public KeystoneCredentials {
        Objects.requireNonNull(authUrl, "authUrl");
        if (!authUrl.isAbsolute() || authUrl.getHost() == null) {
            throw new IllegalArgumentException("Keystone auth URL '" + authUrl + "' is not an absolute http(s) URL");
        }
        authUrl = withV3(authUrl);
        requireText(username, "username");
        Objects.requireNonNull(password, "password");
        requireText(project, "project");
        Objects.requireNonNull(userDomain, "userDomain");
        Objects.requireNonNull(projectDomain, "projectDomain");
    }

    /** Password credentials with user and project in the {@code default} domain, as the prototype used. */
    public static KeystoneCredentials inDefaultDomain(URI authUrl, String username, String password, String project) {
        return new KeystoneCredentials(authUrl, username, password, project, Domain.DEFAULT, Domain.DEFAULT);
    }

    @Override
    public String toString() {
        return "KeystoneCredentials[authUrl=" + authUrl + ", username=" + username + ", password=***, project="
                + project + ", userDomain=" + userDomain + ", projectDomain=" + projectDomain + "]";
    }

    private static URI withV3(URI url) {
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text.endsWith("/v3") ? text : text + "/v3");
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }

    /** A Keystone domain, named either by id or by name (exactly one of the two). */
    public record Domain(String id, String name) {
        /** The domain Keystone's bootstrap creates, by id. */
        public static final Domain DEFAULT = byId("default");

        public Domain {
            if ((id == null) == (name == null)) {
                throw new IllegalArgumentException("a domain needs exactly one of id and name");
            }
            if ((id != null && id.isBlank()) || (name != null && name.isBlank())) {
                throw new IllegalArgumentException("a domain id or name must not be blank");
            }
        }

        public static Domain byId(String id) {
            return new Domain(id, null);
        }

        public static Domain byName(String name) {
            return new Domain(null, name);
        }

        @Override
        public String toString() {
            return id != null ? "id:" + id : "name:" + name;
        }
    }
}
