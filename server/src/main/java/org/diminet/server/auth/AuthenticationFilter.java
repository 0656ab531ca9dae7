package org.diminet.server.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.diminet.core.domain.Caller;
import org.diminet.core.domain.Region;
import org.diminet.server.auth.tls.PeerCertificates;
import org.diminet.server.peers.PeerCredentials;
import org.diminet.server.http.RawErrorBody;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits a request only once it knows who calls, as keystonemiddleware does in front of an OpenStack
 * service: a user's {@code X-Auth-Token} on the North and Neutron APIs (the {@link Caller} is left for
 * the controllers), a peer's service token or client certificate on the East-West API (its region is
 * left for them). Everything else is refused with 401 before any controller runs, except the few
 * open doors: the region name, health and metrics (for probes and Prometheus, which present no
 * Keystone token; {@code management.server.port} moves the actuator's to a port of its own), the
 * embedded identity's token endpoint, the API documentation and the web console's static files.
 */
public final class AuthenticationFilter extends OncePerRequestFilter {
    static final String EAST_WEST = "/api/intersite-horizontal";

    private final String region;
    private final TokenValidator tokens;
    private final PeerRegions peers;
    private final RequestRateLimiter limiter;
    private final boolean mutualTls;
    private final int eastWestPort;

    /**
     * @param mutualTls    peers prove themselves with certificates, not tokens
     * @param eastWestPort the East-West API's own port, or 0 when it shares the main one
     */
    public AuthenticationFilter(String region, TokenValidator tokens, PeerRegions peers, RequestRateLimiter limiter,
                                boolean mutualTls, int eastWestPort) {
        this.region = region;
        this.tokens = tokens;
        this.peers = peers;
        this.limiter = limiter;
        this.mutualTls = mutualTls;
        this.eastWestPort = eastWestPort;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        boolean eastWest = isEastWest(path);
        if (eastWestPort != 0) {
            boolean onEastWestPort = PeerCertificates.arrivedOnEastWestPort(request, eastWestPort);
            if (eastWest != onEastWestPort && !(onEastWestPort && servedOnEastWestPortToo(path))) {
                refuse(response, path, 404, "Not Found", "wrong-port", "HTTPNotFound", eastWest
                        ? "the East-West API listens on its own port here, not on this one"
                        : "this port serves only the East-West API");
                return;
            }
        }
        if (isOpen(path)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            if (eastWest) {
                authenticatePeer(request, response, chain, path);
            } else {
                authenticateUser(request, response, chain, path);
            }
        } catch (IdentityUnavailableException e) {
            refuse(response, path, 503, "Service Unavailable", "identity-unavailable", "HTTPServiceUnavailable",
                    "the identity service could not check the token now; try again shortly");
        }
    }

    private void authenticateUser(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                  String path) throws IOException, ServletException {
        String token = request.getHeader("X-Auth-Token");
        if (limited(response, path, token == null || token.isBlank() ? "addr:" + request.getRemoteAddr() : TokenDigest.of(token))) {
            return;
        }
        Optional<TokenInfo> info = token == null || token.isBlank() ? Optional.empty() : tokens.validate(token);
        if (info.isEmpty()) {
            unauthenticated(request, response, path, token == null || token.isBlank()
                    ? "this API needs an X-Auth-Token header with a valid token"
                    : "the token is not valid (unknown, expired or revoked)");
            return;
        }
        TokenInfo who = info.get();
        request.setAttribute(RequestIdentity.CALLER, new Caller(who.userName(), who.projectId(), who.isAdmin(),
                new Caller.Credential(token)));
        chain.doFilter(request, response);
    }

    private void authenticatePeer(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                  String path) throws IOException, ServletException {
        String claimed = request.getHeader(PeerCredentials.REGION_HEADER);
        Optional<Region> peer;
        if (mutualTls) {
            Optional<String> certified = PeerCertificates.regionOf(request);
            if (certified.isEmpty()) {
                unauthenticated(request, response, path, "peers present a client certificate here");
                return;
            }
            if (claimed != null && !claimed.equals(certified.get())) {
                forbidden(response, path, "the certificate is " + certified.get() + "'s, not " + claimed + "'s");
                return;
            }
            peer = certified.map(Region::new);
        } else {
            String token = request.getHeader("X-Auth-Token");
            Optional<TokenInfo> info = token == null || token.isBlank() ? Optional.empty() : tokens.validate(token);
            if (info.isEmpty()) {
                unauthenticated(request, response, path, "peers present a valid service token (X-Auth-Token) here");
                return;
            }
            if (!info.get().mayActAsService()) {
                forbidden(response, path, "user " + info.get().userName() + " has neither the service nor the admin role");
                return;
            }
            peer = peers.claim(info.get().userName(), claimed);
            if (peer.isEmpty()) {
                forbidden(response, path, "user " + info.get().userName() + " does not speak for region "
                        + (claimed == null ? "(none named in " + PeerCredentials.REGION_HEADER + ")" : claimed));
                return;
            }
        }
        request.setAttribute(RequestIdentity.PEER, peer.get());
        chain.doFilter(request, response);
    }

    /**
     * The paths anyone may call: probes and scrapers ({@code /actuator} serves only health, info and prometheus,
     * see management.endpoints.web.exposure.include), log-in and the API documentation (the OpenAPI documents
     * under {@code springdoc.api-docs.path} and the Swagger UI under {@code springdoc.swagger-ui.path}, with its
     * files under {@code /api/swagger-ui/}). Neutron's version list is open too, as in Neutron (clients read it
     * before they authenticate).
     */
    public static boolean isOpen(String path) {
        return path.equals("/api/region") || path.equals("/api/health") || path.equals("/v3/auth/tokens")
                || path.equals("/actuator") || path.startsWith("/actuator/")
                || path.equals("/neutron") || path.equals("/neutron/")
                || path.equals("/api/openapi") || path.startsWith("/api/openapi/")
                || path.equals("/api/openapi.yaml") || path.startsWith("/api/openapi.yaml/")
                || path.equals("/api/ui") || path.startsWith("/api/swagger-ui/")
                || isConsoleFile(path);
    }

    /** The East-West API's paths, where peers, not users, are admitted. */
    public static boolean isEastWest(String path) {
        return path.equals(EAST_WEST) || path.startsWith(EAST_WEST + "/");
    }

    /**
     * The web console's static files: a browser loads them before anyone signs in, and they hold no data;
     * the console's API calls carry the user's token like any other client's.
     */
    private static boolean isConsoleFile(String path) {
        return path.equals("/") || path.equals("/index.html") || path.equals("/favicon.ico")
                || path.startsWith("/console/") && !path.contains("..");
    }

    /**
     * On a separate East-West port: the probes' region call, users' requests a peer hands to their master,
     * and a user's network listing a peer asks for the console (each with the user's own token).
     */
    private static boolean servedOnEastWestPortToo(String path) {
        return path.equals("/api/region") || path.startsWith("/api/intersite-vertical/") || path.equals("/api/networks");
    }

    private boolean limited(HttpServletResponse response, String path, String callerKey) throws IOException {
        OptionalLong wait = limiter.admit(callerKey);
        if (wait.isEmpty()) {
            return false;
        }
        response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
        refuse(response, path, 429, "Too Many Requests", "rate-limited", "HTTPTooManyRequests",
                "too many requests with this token; try again in " + wait.getAsLong() + " s");
        return true;
    }

    private void unauthenticated(HttpServletRequest request, HttpServletResponse response, String path, String why)
            throws IOException {
        String identity = tokens.identityUri();
        if (identity.startsWith("/")) { // the embedded identity, on this very site
            identity = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + identity;
        }
        response.setHeader("WWW-Authenticate", "Keystone uri=\"" + identity + "\"");
        refuse(response, path, 401, "Unauthorized", "unauthenticated", "HTTPUnauthorized", why);
    }

    private void forbidden(HttpServletResponse response, String path, String why) throws IOException {
        refuse(response, path, 403, "Forbidden", "forbidden", "HTTPForbidden", why);
    }

    private void refuse(HttpServletResponse response, String path, int status, String title, String problem,
                        String neutronType, String detail) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(RawErrorBody.contentType(path));
        response.getWriter().write(RawErrorBody.of(path, status, title, problem, neutronType, detail, region));
    }
}
