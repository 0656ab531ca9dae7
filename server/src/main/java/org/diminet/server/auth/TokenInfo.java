package org.diminet.server.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a valid token says about its bearer, as the identity service (Keystone or the embedded one)
 * vouched for it. Projects are named by id: a service and a Neutron network belong to a project id.
 */
public record TokenInfo(String userId, String userName, String projectId, String projectName, Set<String> roles,
                        Instant expiresAt) {
    public TokenInfo {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(projectName, "projectName");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    /** A token a peer DIMINET may present: Keystone's {@code service} role, or {@code admin}. */
    public boolean mayActAsService() {
        return roles.contains("service") || roles.contains("admin");
    }
}
