package org.diminet.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.io.IOException;
import org.springframework.web.filter.ServerHttpObservationFilter;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.diminet.core.domain.Caller;
import org.diminet.server.auth.RequestIdentity;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per state-changing call (POST, PUT, PATCH, DELETE) on the North, East-West and embedded
 * Neutron APIs, to its own logger {@code org.diminet.audit}, so an operator can ship it apart from the
 * rest: when, who (the token's user and project; a peer's region on the East-West API as
 * {@code user=peer:<region>}; {@code -} when the request was refused before anyone was known), from
 * where (the caller's address), what (method and path, never a body, so no secret), the result (status)
 * and the service's global id when the path names one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AuditLogFilter extends OncePerRequestFilter {
    static final String LOGGER = "org.diminet.audit";
    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern GLOBAL_ID = Pattern.compile(
            "/api/intersite-(?:vertical|horizontal)/([0-9a-fA-F-]{36})(?:/|$)");

    private final String region;

    public AuditLogFilter(org.diminet.server.settings.SiteProperties site) {
        this.region = site.region();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            String path = request.getRequestURI();
            Matcher id = GLOBAL_ID.matcher(path);
            String globalId = id.find() ? id.group(1) : locationId(response);
            Object caller = request.getAttribute(RequestIdentity.CALLER);
            Object peer = request.getAttribute(RequestIdentity.PEER);
            String user = caller instanceof Caller c ? printable(c.user()) : peer != null ? "peer:" + peer : "-";
            String project = caller instanceof Caller c ? printable(c.project()) : "-";
            AUDIT.info("site={} user={} project={} source={} api={} call=\"{} {}\" status={} global_id={} took_ms={} trace={}",
                    region, user, project, request.getRemoteAddr(), api(path), request.getMethod(), printable(path), status,
                    globalId == null ? "-" : globalId, (System.nanoTime() - start) / 1_000_000, traceOf(request));
        }
    }

    /**
     * The trace this request belongs to, as the server's observation recorded it (the caller's
     * {@code traceparent}, or a new trace): the same id in every site's audit line of one user request.
     */
    private static String traceOf(HttpServletRequest request) {
        return ServerHttpObservationFilter.findObservationContext(request).map(context -> {
            TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
            return tracing == null || tracing.getSpan() == null ? null : tracing.getSpan().context().traceId();
        }).orElse("-");
    }

    private static String api(String path) {
        if (path.startsWith("/api/intersite-horizontal")) {
            return "east-west";
        }
        if (path.startsWith("/neutron/")) {
            return "neutron";
        }
        return "north";
    }

    /** A create's global id, from the Location header it answered with. */
    private static String locationId(HttpServletResponse response) {
        String location = response.getHeader("Location");
        if (location == null) {
            return null;
        }
        Matcher id = GLOBAL_ID.matcher(location);
        return id.find() ? id.group(1) : null;
    }

    /** The path as logged: at most 200 characters, control characters and quotes replaced. */
    private static String printable(String path) {
        String cut = path.length() > 200 ? path.substring(0, 200) + "…" : path;
        return cut.replaceAll("[\\p{Cntrl}\"]", "?");
    }
}
