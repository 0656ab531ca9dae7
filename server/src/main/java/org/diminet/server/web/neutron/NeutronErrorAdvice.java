package org.diminet.server.web.neutron;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.diminet.server.auth.RequestIdentity;
import org.diminet.vim.embedded.EmbeddedVimException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Neutron's error body, {@code {"NeutronError":{"type":…,"message":…,"detail":""}}}, for every failure
 * of the controllers of this package ({@link NeutronController} and the routers', agents' and extensions' ones).
 *
 * <p>Scoped to this package and ordered first, so the application-wide
 * {@link org.diminet.server.web.problem.ProblemDetailsAdvice} (RFC 9457 for the DIMINET APIs) never
 * sees a Neutron request, and this advice never touches the DIMINET APIs. The embedded VIM's
 * {@link EmbeddedVimException} already carries Neutron's status and type; Spring's own failures
 * (unreadable request, bad parameter) get webob's type for their status, as Neutron reports them.
 */
@RestControllerAdvice(basePackageClasses = NeutronController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NeutronErrorAdvice {
    private static final Logger LOG = LoggerFactory.getLogger(NeutronErrorAdvice.class);

    @ExceptionHandler(EmbeddedVimException.class)
    public ResponseEntity<Map<String, Object>> neutron(EmbeddedVimException e) {
        if (e.status() >= 500) {
            LOG.warn("{}: {}", e.type(), e.getMessage(), e.getCause());
        }
        return error(e.status(), e.type(), e.getMessage(), e.detail());
    }

    /**
     * No caller on the request means the authentication filter did not run for this path: a fault of the
     * site's set-up, not of the client's request, so 500 and an error log rather than Spring's 400.
     */
    @ExceptionHandler(ServletRequestBindingException.class)
    public ResponseEntity<Map<String, Object>> binding(ServletRequestBindingException e, HttpServletRequest request) {
        if (request.getAttribute(RequestIdentity.CALLER) == null) {
            LOG.error("{} {} reached the Neutron API without an authenticated caller ({} is not set):"
                    + " the authentication filter does not cover it", request.getMethod(), request.getRequestURI(),
                    RequestIdentity.CALLER);
            return error(500, "HTTPInternalServerError",
                    "Request Failed: internal server error while processing your request.", "");
        }
        return other(e);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, Object>> other(Exception e) {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            HttpStatusCode status = spring.getStatusCode();
            String detail = spring.getBody().getDetail();
            return error(status.value(), webobType(status.value()), detail == null ? e.getMessage() : detail, "");
        }
        LOG.error("unexpected failure of the Neutron API", e);
        return error(500, "HTTPInternalServerError",
                "Request Failed: internal server error while processing your request.", "");
    }

    static ResponseEntity<Map<String, Object>> error(int status, String type, String message, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("message", message);
        error.put("detail", detail == null ? "" : detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("NeutronError", error));
    }

    private static String webobType(int status) {
        return switch (status) {
            case 400 -> "HTTPBadRequest";
            case 403 -> "HTTPForbidden";
            case 404 -> "HTTPNotFound";
            case 405 -> "HTTPMethodNotAllowed";
            case 406 -> "HTTPNotAcceptable";
            case 409 -> "HTTPConflict";
            case 415 -> "HTTPUnsupportedMediaType";
            default -> "HTTPClientError";
        };
    }
}
