package org.diminet.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.diminet.server.settings.SiteProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.diminet.server.http.RawErrorBody;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads the body, a request whose {@code Content-Type} is not one concrete
 * media type ({@code *}{@code /*}, garbage, an unknown charset): 415 in the API's own error shape
 * (problem details, or Neutron's on the Neutron API), instead of the framework failing on it later.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ContentTypeFilter extends OncePerRequestFilter {
    private final SiteProperties site;

    public ContentTypeFilter(SiteProperties site) {
        this.site = site;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Content-Type");
        String problem = header == null ? null : problemWith(header);
        if (problem == null) {
            chain.doFilter(request, response);
            return;
        }
        String uri = request.getRequestURI();
        response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(RawErrorBody.contentType(uri));
        response.getWriter().write(RawErrorBody.of(uri, 415, "Unsupported Media Type", "unsupported-media-type",
                "HTTPUnsupportedMediaType", "Content-Type '" + header + "' " + problem + "; send application/json",
                site.region()));
    }

    /** Why the header is unusable, or null when it names one concrete media type. */
    private static String problemWith(String header) {
        try {
            MediaType type = MediaType.parseMediaType(header);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return "is a wildcard, not a media type";
            }
            type.getCharset(); // an unknown charset throws here
            return null;
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException included
            return "is not a media type this site reads";
        }
    }
}
