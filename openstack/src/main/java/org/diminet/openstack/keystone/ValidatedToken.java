package org.diminet.openstack.keystone;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What Keystone says about a project-scoped token it validated ({@code GET /v3/auth/tokens}).
 *
 * @param roles the names of the bearer's roles on the project
 */
public record ValidatedToken(String userId, String userName, String projectId, String projectName, Set<String> roles,
                             Instant expiresAt) {
    public ValidatedToken {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(projectName, "projectName");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
