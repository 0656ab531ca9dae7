package org.diminet.openstack.keystone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;
import org.diminet.openstack.http.HttpSupport;

/** {@link IdentityApi} and {@link TokenValidationApi} over HTTP. */
final class HttpIdentityApi implements IdentityApi, TokenValidationApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeystoneCredentials credentials;
    private final KeystoneOptions options;
    private final HttpClient http;

    HttpIdentityApi(KeystoneCredentials credentials, KeystoneOptions options, HttpClient http) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.options = Objects.requireNonNull(options, "options");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public IssuedToken issueToken() {
        HttpRequest request = HttpRequest.newBuilder(endpoint("/auth/tokens"))
                .timeout(options.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(authBody()))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 401) {
            throw new KeystoneException(KeystoneException.Kind.UNAUTHORIZED, credentials.authUrl(), 401,
                    "Keystone at " + credentials.authUrl() + " refused the credentials of user '" + credentials.username()
                            + "' (domain " + credentials.userDomain() + ") for project '" + credentials.project()
                            + "' (domain " + credentials.projectDomain() + "): 401 " + reason(response), null);
        }
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw refused(request, response);
        }
        String subjectToken = response.headers().firstValue("X-Subject-Token").orElse(null);
        if (subjectToken == null || subjectToken.isBlank()) {
            throw badResponse(request, "no X-Subject-Token header", null);
        }
        try {
            return KeystoneJson.token(subjectToken, body(request, response), options.endpointInterface());
        } catch (IllegalArgumentException e) {
            throw badResponse(request, e.getMessage(), e);
        }
    }

    @Override
    public ServiceCatalog fetchCatalog(String token) {
        HttpRequest request = HttpRequest.newBuilder(endpoint("/auth/catalog"))
                .timeout(options.requestTimeout())
                .header("Accept", "application/json")
                .header("X-Auth-Token", token)
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 401) {
            throw new KeystoneException(KeystoneException.Kind.UNAUTHORIZED, credentials.authUrl(), 401,
                    "Keystone at " + credentials.authUrl() + " no longer accepts the session's token: 401 " + reason(response),
                    null);
        }
        if (response.statusCode() != 200) {
            throw refused(request, response);
        }
        return KeystoneJson.catalog(body(request, response).path("catalog"), options.endpointInterface());
    }

    @Override
    public Optional<ValidatedToken> validateToken(String serviceToken, String subjectToken) {
        Objects.requireNonNull(serviceToken, "serviceToken");
        if (!headerSafe(subjectToken)) {
            return Optional.empty();
        }
        // nocatalog: DIMINET needs the bearer, not a catalog as big as the rest of the answer.
        HttpRequest request = HttpRequest.newBuilder(endpoint("/auth/tokens?nocatalog"))
                .timeout(options.requestTimeout())
                .header("Accept", "application/json")
                .header("X-Auth-Token", serviceToken)
                .header("X-Subject-Token", subjectToken)
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        switch (response.statusCode()) {
            case 200 -> {
                try {
                    return KeystoneJson.validatedToken(body(request, response));
                } catch (IllegalArgumentException e) {
                    throw badResponse(request, e.getMessage(), e);
                }
            }
            // Keystone's 404 message quotes the subject token: it is not read.
            case 404 -> {
                return Optional.empty();
            }
            case 401 -> throw new KeystoneException(KeystoneException.Kind.UNAUTHORIZED, credentials.authUrl(), 401,
                    "Keystone at " + credentials.authUrl() + " no longer accepts the service token of user '"
                            + credentials.username() + "': 401 " + redact(reason(response), serviceToken, subjectToken), null);
            default -> throw new KeystoneException(KeystoneException.Kind.REFUSED, credentials.authUrl(),
                    response.statusCode(), "Keystone at " + credentials.authUrl() + " answered " + response.statusCode()
                    + " to GET " + request.uri().getPath() + " (validating a token as user '" + credentials.username()
                    + "'): " + redact(reason(response), serviceToken, subjectToken), null);
        }
    }

    /** Visible ASCII only: Keystone's tokens are, and anything else could not even be sent as a header. */
    private static boolean headerSafe(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String redact(String text, String... secrets) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }

    private URI endpoint(String path) {
        return URI.create(credentials.authUrl() + path);
    }

    private String authBody() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode auth = root.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", credentials.username());
        domain(user, credentials.userDomain());
        user.put("password", credentials.password());
        ObjectNode project = auth.putObject("scope").putObject("project");
        project.put("name", credentials.project());
        domain(project, credentials.projectDomain());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Keystone auth request", e);
        }
    }

    private static void domain(ObjectNode parent, KeystoneCredentials.Domain domain) {
        ObjectNode node = parent.putObject("domain");
        if (domain.id() != null) {
            node.put("id", domain.id());
        } else {
            node.put("name", domain.name());
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeystoneException(KeystoneException.Kind.UNREACHABLE, credentials.authUrl(), 0,
                    "cannot reach Keystone at " + credentials.authUrl() + " (" + request.method() + " "
                            + request.uri().getPath() + "): " + HttpSupport.describe(e, options.requestTimeout()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeystoneException(KeystoneException.Kind.UNREACHABLE, credentials.authUrl(), 0,
                    "interrupted while waiting for Keystone at " + credentials.authUrl(), e);
        }
    }

    private JsonNode body(HttpRequest request, HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw badResponse(request, "the body is not JSON: " + HttpSupport.snippet(contentType(response), response.body()), e);
        }
    }

    private KeystoneException refused(HttpRequest request, HttpResponse<String> response) {
        return new KeystoneException(KeystoneException.Kind.REFUSED, credentials.authUrl(), response.statusCode(),
                "Keystone at " + credentials.authUrl() + " answered " + response.statusCode() + " to " + request.method()
                        + " " + request.uri().getPath() + ": " + reason(response), null);
    }

    private KeystoneException badResponse(HttpRequest request, String why, Throwable cause) {
        return new KeystoneException(KeystoneException.Kind.BAD_RESPONSE, credentials.authUrl(), 0,
                "unusable answer from Keystone at " + credentials.authUrl() + " to " + request.method() + " "
                        + request.uri().getPath() + ": " + why, cause);
    }

    private static String reason(HttpResponse<String> response) {
        try {
            String message = KeystoneJson.errorMessage(JSON.readTree(response.body()));
            if (message != null) {
                return message;
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // Not Keystone's JSON error (an HTML page from a proxy, say): show the text instead.
        }
        return HttpSupport.snippet(contentType(response), response.body());
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
