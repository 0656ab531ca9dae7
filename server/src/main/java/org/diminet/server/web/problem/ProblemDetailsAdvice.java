package org.diminet.server.web.problem;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.net.URI;
import java.util.stream.Collectors;
import org.diminet.core.domain.error.ConflictException;
import org.diminet.core.domain.error.DiminetException;
import org.diminet.core.domain.error.ForbiddenException;
import org.diminet.core.domain.error.InvalidRequestException;
import org.diminet.core.domain.error.NotFoundException;
import org.diminet.core.domain.error.PeerException;
import org.diminet.core.domain.error.VimException;
import org.diminet.server.settings.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into RFC 9457 problem details. Besides the standard members, each problem
 * carries {@code problem} (a short stable name such as {@code cidr-overlap}), {@code region} (the site
 * that answered, or the failing peer) and, for bad input, {@code field}.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private final SiteProperties site;

    public ProblemDetailsAdvice(SiteProperties site) {
        this.site = site;
    }

    @ExceptionHandler(DiminetException.class)
    public ResponseEntity<ProblemDetail> diminet(DiminetException e) {
        HttpStatus status = switch (e) {
            case InvalidRequestException ignored -> HttpStatus.BAD_REQUEST;
            case NotFoundException ignored -> HttpStatus.NOT_FOUND;
            case ForbiddenException ignored -> HttpStatus.FORBIDDEN;
            case ConflictException ignored -> HttpStatus.CONFLICT;
            case VimException ignored -> HttpStatus.BAD_GATEWAY;
            case PeerException p -> peerStatus(p);
        };
        ProblemDetail problem = problem(status, e.problemType(), e.getMessage());
        switch (e) {
            case InvalidRequestException invalid -> problem.setProperty("field", invalid.field());
            case PeerException peer -> problem.setProperty("region", peer.region().name());
            case VimException vim -> problem.setProperty("region", vim.region().name());
            default -> problem.setProperty("region", site.region());
        }
        if (status.is5xxServerError()) {
            LOG.warn("{}: {}", e.problemType(), e.getMessage());
        }
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        // The body names no Java class: the log has the details, under an id the body gives.
        String incident = java.util.UUID.randomUUID().toString();
        LOG.error("unexpected failure, incident {}", incident, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                        "unexpected failure at " + site.region() + "; its log has the details under incident " + incident));
    }

    /** Malformed JSON, or a value a domain type refused while the body was being read. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DiminetException domain) {
                return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(diminet(domain).getBody());
            }
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-body", "the request body is not valid JSON"
                + " of the expected shape: " + readable(e));
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            problem.setProperty("field", mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "["));
            if (mismatch instanceof InvalidFormatException format) {
                problem.setDetail("value '" + format.getValue() + "' has the wrong type for " + problem.getProperties().get("field"));
            }
        }
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("problem", "http-" + statusCode.value());
            problem.setProperty("region", site.region());
        }
        return response;
    }

    private ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:diminet:problem:" + type));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("problem", type);
        problem.setProperty("region", site.region());
        return problem;
    }

    private static HttpStatus peerStatus(PeerException p) {
        return switch (p.kind()) {
            // A peer's own 4xx, or its report that a site behind it is down, reaches the user unchanged.
            case REFUSED -> p.peerStatus() >= 400 && p.peerStatus() < 500 || p.peerStatus() >= 502 && p.peerStatus() <= 504
                    ? HttpStatus.valueOf(p.peerStatus()) : HttpStatus.BAD_GATEWAY;
            case UNREACHABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
            case BAD_RESPONSE -> HttpStatus.BAD_GATEWAY;
        };
    }

    /**
     * What was wrong with the body, in words a client can act on: Jackson's and Spring's own messages
     * name Java types and methods, which an error body must not show.
     */
    private static String readable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause == null) {
            return "the body is missing or cannot be read";
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonParseException parse) {
            return "not JSON (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")";
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return "a value has the wrong type or shape";
        }
        if (cause instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return "the body is nested too deeply or is too large";
        }
        if (cause instanceof java.io.CharConversionException || cause instanceof java.nio.charset.CharacterCodingException) {
            return "the body is not valid UTF-8";
        }
        String message = rootMessage(e);
        return LEAKS.matcher(message).find() ? "it does not have the expected shape" : message;
    }

    /** Java names in a message (packages, exception classes): such a message is not shown. */
    private static final java.util.regex.Pattern LEAKS = java.util.regex.Pattern.compile(
            "(java|javax|jakarta|org|com|inet|sun)\\.[a-z]|Exception|`");

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
