package org.diminet.openstack.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
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
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("the token's " + field + " '" + text + "' is not a timestamp", again);
            }
        }
    }
}
