package org.diminet.server.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Beside OpenStack, a user's log-in ({@code POST /v3/auth/tokens}) passed on to the site's Keystone, as
 * Horizon's server does: the web console runs in a browser that talks to its own site only, so it signs
 * in there whichever identity the site uses. The body goes to Keystone unread and Keystone's answer
 * (token in {@code X-Subject-Token}, or its refusal) comes back as it is; only log-in passes, not token
 * checks or revocations.
 */
public final class KeystoneSignIn {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI tokens;
    private final HttpClient http;

    /** @param authUrl Keystone's v3 URL, e.g. {@code http://10.0.0.10:5000/v3} */
    public KeystoneSignIn(URI authUrl, HttpClient http) {
        String base = authUrl.toString();
        this.tokens = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/auth/tokens");
        this.http = http;
    }

    /** Keystone's answer: its status, the token it issued (or null) and its body. */
    public record Answer(int status, String subjectToken, String body) {
    }

    /**
     * @throws IdentityUnavailableException when Keystone could not be reached or did not answer in time
     */
    public Answer signIn(String body) {
        HttpRequest request = HttpRequest.newBuilder(tokens).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("X-Subject-Token").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IdentityUnavailableException("Keystone at " + tokens + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityUnavailableException("interrupted while signing in at Keystone", e);
        }
    }
}
