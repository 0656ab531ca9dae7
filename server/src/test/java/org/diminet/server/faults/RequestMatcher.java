package org.diminet.server.faults;

import java.util.Locale;

/**
 * Which requests a {@link FaultProxy} rule, counter or hook applies to: an HTTP method (or any) and a
 * prefix of the request target (path and query as sent, e.g. {@code /api/intersite-horizontal/}).
 * Fault scenarios name protocol steps this way ("the DELETE of a site's part"), so a record with two
 * fields is all they need; {@code toString} reads as in a log line.
 *
 * @param method     upper-case method, or {@code null} for any method
 * @param pathPrefix the target must start with this; empty matches every target
 */
public record RequestMatcher(String method, String pathPrefix) {
    public RequestMatcher {
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
        pathPrefix = pathPrefix == null ? "" : pathPrefix;
    }

    /** Every request. */
    public static RequestMatcher any() {
        return new RequestMatcher(null, "");
    }

    /** Requests with this method whose target starts with {@code pathPrefix}. */
    public static RequestMatcher of(String method, String pathPrefix) {
        return new RequestMatcher(method, pathPrefix);
    }

    /** Requests of any method whose target starts with {@code pathPrefix}. */
    public static RequestMatcher path(String pathPrefix) {
        return new RequestMatcher(null, pathPrefix);
    }

    public boolean matches(String requestMethod, String target) {
        return (method == null || method.equalsIgnoreCase(requestMethod)) && target.startsWith(pathPrefix);
    }

    public boolean matches(SeenRequest request) {
        return matches(request.method(), request.target());
    }

    @Override
    public String toString() {
        return (method == null ? "*" : method) + " " + pathPrefix + "*";
    }
}
