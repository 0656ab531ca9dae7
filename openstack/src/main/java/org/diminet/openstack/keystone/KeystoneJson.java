package org.diminet.openstack.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.InvalidRequestException;

/** Reads Keystone v3 token and catalog bodies. */
final class KeystoneJson {
    private KeystoneJson() {
    }

    /**
     * The body of {@code POST /v3/auth/tokens}: {@code {"token": {"expires_at", "issued_at", "catalog": [...]}}}.
     *
     * @throws IllegalArgumentException when {@code expires_at} is missing or unreadable
     */
    static IssuedToken token(String subjectToken, JsonNode body, String endpointInterface) {
        JsonNode token = body.path("token");
        Instant expiresAt = instant(token.path("expires_at"), "expires_at");
        Instant issuedAt = token.hasNonNull("issued_at") ? instant(token.get("issued_at"), "issued_at") : null;
        return new IssuedToken(subjectToken, issuedAt, expiresAt, catalog(token.path("catalog"), endpointInterface));
    }

    /**
     * The body of {@code GET /v3/auth/tokens}: {@code {"token": {"expires_at", "user": {"id", "name"},
     * "project": {"id", "name"}, "roles": [{"id", "name"}]}}}. Empty when the token has no project (scoped
     * to a domain or the system, or unscoped): DIMINET's resources all belong to projects.
     *
     * @throws IllegalArgumentException when {@code expires_at}, the user's or the project's id or name is
     *                                  missing or unreadable
     */
    static Optional<ValidatedToken> validatedToken(JsonNode body) {
        JsonNode token = body.path("token");
        JsonNode project = token.path("project");
        if (!project.isObject()) {
            return Optional.empty();
        }
        JsonNode user = token.path("user");
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode role : token.path("roles")) {
            roles.add(text(role, "name", "role"));
        }
        return Optional.of(new ValidatedToken(text(user, "id", "user"), text(user, "name", "user"),
                text(project, "id", "project"), text(project, "name", "project"), roles,
                instant(token.path("expires_at"), "expires_at")));
    }

    /**
     * A catalog array: {@code [{"type", "name", "id", "endpoints": [{"interface", "region_id", "region", "url"}]}]}.
     * Endpoints of other interfaces, with a region name DIMINET cannot use or with a malformed URL are
     * skipped; of several endpoints for one region, the first wins. Network URLs lose a trailing
     * {@code /v2.0}, so they are the same whether or not the operator registered the version.
     */
    static ServiceCatalog catalog(JsonNode services, String endpointInterface) {
        Map<Region, URI> network = new LinkedHashMap<>();
        Map<Region, URI> intersite = new LinkedHashMap<>();
        for (JsonNode service : services) {
            String type = service.path("type").asText("");
            Map<Region, URI> target = switch (type) {
                case ServiceCatalog.NETWORK_TYPE -> network;
                case ServiceCatalog.INTERSITE_TYPE -> intersite;
                default -> null;
            };
            if (target == null) {
                continue;
            }
            for (JsonNode endpoint : service.path("endpoints")) {
                if (!endpointInterface.equals(endpoint.path("interface").asText())) {
                    continue;
                }
                Region region = region(endpoint);
                URI url = url(endpoint.path("url").asText(null), type.equals(ServiceCatalog.NETWORK_TYPE));
                if (region != null && url != null) {
                    target.putIfAbsent(region, url);
                }
            }
        }
        return new ServiceCatalog(network, intersite);
    }

    /** Keystone's {@code {"error": {"code", "title", "message"}}}, or null when the body is not that. */
    static String errorMessage(JsonNode body) {
        JsonNode error = body == null ? null : body.get("error");
        return error != null && error.hasNonNull("message") ? error.get("message").asText() : null;
    }

    private static String text(JsonNode parent, String field, String what) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("the token's " + what + " has no " + field);
        }
        return value.asText();
    }

    private static Region region(JsonNode endpoint) {
        String name = endpoint.hasNonNull("region_id") ? endpoint.get("region_id").asText()
                : endpoint.path("region").asText(null);
        try {
            return name == null ? null : Region.of(name);
        } catch (InvalidRequestException e) {
            return null;
        }
    }

    private static URI url(String text, boolean dropApiVersion) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String url = stripSlashes(text.strip());
        if (dropApiVersion && url.endsWith("/v2.0")) {
            url = stripSlashes(url.substring(0, url.length() - "/v2.0".length()));
        }
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && uri.getHost() != null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String stripSlashes(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static Instant instant(JsonNode node, String field) {
        String text = node.asText(null);
        if (text == null) {
            throw new IllegalArgumentException("the token has no " + field);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                try {
                    // Keystone writes the expiry of an application credential's token without zone: UTC.
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException again) {
                    throw new IllegalArgumentException("the token's " + field + " '" + text + "' is not a timestamp", again);
                }
            }
        }
    }
}
