package org.diminet.core.domain;

import java.util.Objects;
import java.util.Optional;
import org.diminet.core.domain.error.ForbiddenException;

/**
 * Who asks, as the site's authentication established it: a user acting in one project, possibly with
 * the admin role. Services belong to projects; a caller uses only its own project's services unless it
 * is an admin, who sees and changes all of them.
 *
 * @param credential what proves this caller to the master when a site hands the request on (the
 *                   user's token); never printed
 */
public record Caller(String user, String project, boolean admin, Credential credential) {
    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(credential, "credential");
    }

    public boolean mayUse(InterSiteService service) {
        return admin || project.equals(service.project());
    }

    /**
     * The project a new service will belong to: the caller's own, or for an admin any project named
     * (the way an admin creates Neutron resources for another project with {@code project_id}).
     */
    public String projectFor(Optional<String> requested) {
        if (requested.isEmpty() || requested.get().equals(project)) {
            return project;
        }
        if (!admin) {
            throw new ForbiddenException("project-not-yours", "only an admin may create a service for another project"
                    + " than the token's (" + project + ")");
        }
        return requested.get();
    }

    /** An opaque secret (a token) that {@link #toString()} never shows, so it cannot reach a log by accident. */
    public record Credential(String secret) {
        public static final Credential NONE = new Credential("");

        public Credential {
            Objects.requireNonNull(secret, "secret");
        }

        public boolean isPresent() {
            return !secret.isEmpty();
        }

        @Override
        public String toString() {
            return isPresent() ? "Credential[***]" : "Credential[none]";
        }
    }
}
