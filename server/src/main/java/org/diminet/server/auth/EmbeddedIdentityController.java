package org.diminet.server.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keystone v3's token API ({@code /v3/auth/tokens}) over the site's {@link EmbeddedIdentity}, so that
 * OpenStack clients and peers get and check tokens as they would with Keystone. A site whose identity
 * is Keystone has no embedded one: it passes a log-in on to Keystone ({@link KeystoneSignIn}, so that the
 * web console signs in at its own site either way) and answers the other calls 404. Requests reach it
 * unauthenticated: it checks
 * {@code X-Auth-Token} itself, and lets a caller see or revoke another user's token only with the
 * {@code admin} or {@code service} role, as Keystone's default policy does. Tokens come with the site's
 * {@link EmbeddedCatalog}, on the address the client used.
 */
@RestController
@RequestMapping("/v3/auth/tokens")
@Tag(name = "Identity")
public class EmbeddedIdentityController {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedIdentityController.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT_TOKEN = "X-Subject-Token";
    private static final String NOT_EMBEDDED = "This site's identity is Keystone, not the embedded one.";
    private static final String NOT_EMBEDDED_LOWER = "this site's identity is Keystone, not the embedded one.";

    private final ObjectProvider<EmbeddedIdentity> identity;
    private final ObjectProvider<KeystoneSignIn> keystone;
    private final ObjectProvider<EmbeddedCatalog> catalog;

    public EmbeddedIdentityController(ObjectProvider<EmbeddedIdentity> identity, ObjectProvider<KeystoneSignIn> keystone,
                                      ObjectProvider<EmbeddedCatalog> catalog) {
        this.identity = identity;
        this.keystone = keystone;
        this.catalog = catalog;
    }

    @PostMapping
    @Operation(operationId = "issueToken", summary = "Log in: get a token for a user and password",
            description = "Keystone v3's password authentication, scoped to the user's project (or the one named)."
                    + " The token is in `X-Subject-Token`; send it as `X-Auth-Token`. Its catalog lists this site's"
                    + " services in its region, the embedded Neutron as type `network`. Open.")
    @ApiResponse(responseCode = "201", description = "A token",
            headers = @Header(name = SUBJECT_TOKEN, description = "The token", schema = @Schema(type = "string",
                    example = "dmn1.eyJ1IjoiYWxpY2UiLCJwIjoicHJvamVjdC1hIn0.c2lnbmF0dXJl")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeystoneTokenView.class)))
    @ApiResponse(responseCode = "400", description = "The body is not Keystone's v3 authentication JSON, or lacks"
            + " `auth.identity.methods`, a user's name (or id) and password, or a scoped project's name (or id).",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeystoneError.class)))
    @ApiResponse(responseCode = "401", description = "Wrong user or password, a project the user is not in, or a"
            + " method or scope this identity does not issue.",
            headers = @Header(name = "WWW-Authenticate", description = "Where to get a token: `Keystone uri=\"…\"`",
                    schema = @Schema(type = "string", example = "Keystone uri=\"http://127.0.0.1:7575/v3\"")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeystoneError.class)))
    @ApiResponse(responseCode = "404", description = NOT_EMBEDDED,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeystoneError.class)))
    public ResponseEntity<String> issue(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                                content = @Content(schema = @Schema(implementation = KeystoneAuthRequest.class)))
                                        @RequestBody(required = false) String body, HttpServletRequest request) {
        EmbeddedIdentity embedded = identity.getIfAvailable();
        if (embedded == null) {
            KeystoneSignIn passOn = keystone.getIfAvailable();
            return passOn == null ? notEmbedded() : signInAtKeystone(passOn, body);
        }
        KeystoneAuthRequest.Credentials credentials;
        try {
            credentials = KeystoneAuthRequest.read(body);
        } catch (IllegalArgumentException e) {
            return answer(400, KeystoneError.badRequest(e.getMessage()));
        }
        if (!credentials.issuable()) {
            LOG.info("token refused: only password authentication scoped to a project is supported");
            return unauthorized(embedded, request);
        }
        IssuedToken issued;
        try {
            issued = embedded.issue(credentials.user(), credentials.password(), credentials.project());
        } catch (AuthenticationFailedException e) {
            LOG.info("token refused: {}", e.getMessage());
            return unauthorized(embedded, request);
        }
        return ResponseEntity.status(201).header(SUBJECT_TOKEN, issued.token()).contentType(MediaType.APPLICATION_JSON)
                .body(json(KeystoneTokenView.of(issued, catalog(request))));
    }

    @GetMapping
    @Operation(operationId = "validateToken", summary = "Validate a token",
            description = "Describes the token in `X-Subject-Token`: the caller's own, or anyone's for a caller with the"
                    + " `admin` or `service` role (peers validate users' tokens so).",
            security = @SecurityRequirement(name = "keystoneToken"))
    @Parameter(in = ParameterIn.QUERY, name = "nocatalog", description = "Present (with no value): leave the catalog"
            + " out", allowEmptyValue = true, schema = @Schema(type = "string", example = ""))
    @ApiResponse(responseCode = "200", description = "The token is valid",
            headers = @Header(name = SUBJECT_TOKEN, description = "The token described", schema = @Schema(type = "string",
                    example = "dmn1.eyJ1IjoiYWxpY2UiLCJwIjoicHJvamVjdC1hIn0.c2lnbmF0dXJl")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeystoneTokenView.class)))
    @ApiResponse(responseCode = "400", description = "No `X-Subject-Token` header.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeystoneError.class)))
    @ApiResponse(responseCode = "401", description = "The caller's `X-Auth-Token` is missing or not valid.",
            headers = @Header(name = "WWW-Authenticate", description = "Where to get a token: `Keystone uri=\"…\"`",
                    schema = @Schema(type = "string", example = "Keystone uri=\"http://127.0.0.1:7575/v3\"")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeystoneError.class)))
    @ApiResponse(responseCode = "403", description = "Another user's token, and the caller has neither the `admin` nor"
            + " the `service` role.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeystoneError.class)))
    @ApiResponse(responseCode = "404", description = "The subject token is unknown, expired or revoked; or: "
            + NOT_EMBEDDED_LOWER,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeystoneError.class)))
    public ResponseEntity<String> check(@Parameter(hidden = true)
                                        @RequestHeader(value = "X-Auth-Token", required = false) String authToken,
                                        @Parameter(description = "The token to describe", required = true,
                                                example = "dmn1.eyJ1IjoiYWxpY2UiLCJwIjoicHJvamVjdC1hIn0.c2lnbmF0dXJl")
                                        @RequestHeader(value = SUBJECT_TOKEN, required = false) String subjectToken,
                                        HttpServletRequest request) {
        // ?nocatalog has no value: its presence is what counts.
        boolean withCatalog = !request.getParameterMap().containsKey("nocatalog");
        return withSubject(request, authToken, subjectToken, "identity:validate_token", (embedded, subject) ->
                ResponseEntity.ok().header(SUBJECT_TOKEN, subject.token()).contentType(MediaType.APPLICATION_JSON)
                        .body(json(KeystoneTokenView.of(subject, withCatalog ? catalog(request) : null))));
    }

    @DeleteMapping
    @Operation(operationId = "revokeToken", summary = "Revoke a token",
            description = "Revokes the token in `X-Subject-Token`: the caller's own, or anyone's for a caller with the"
                    + " `admin` or `service` role. Only this site knows of the revocation (until the token expires).",
            security = @SecurityRequirement(name = "keystoneToken"))
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "400", description = "No `X-Subject-Token` header.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeystoneError.class)))
    @ApiResponse(responseCode = "401", description = "The caller's `X-Auth-Token` is missing or not valid.",
            headers = @Header(name = "WWW-Authenticate", description = "Where to get a token: `Keystone uri=\"…\"`",
                    schema = @Schema(type = "string", example = "Keystone uri=\"http://127.0.0.1:7575/v3\"")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeystoneError.class)))
    @ApiResponse(responseCode = "403", description = "Another user's token, and the caller has neither the `admin` nor"
            + " the `service` role.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeystoneError.class)))
    @ApiResponse(responseCode = "404", description = "The subject token is unknown, expired or revoked; or: "
            + NOT_EMBEDDED_LOWER,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeystoneError.class)))
    public ResponseEntity<String> revoke(@Parameter(hidden = true)
                                         @RequestHeader(value = "X-Auth-Token", required = false) String authToken,
                                         @Parameter(description = "The token to revoke", required = true,
                                                 example = "dmn1.eyJ1IjoiYWxpY2UiLCJwIjoicHJvamVjdC1hIn0.c2lnbmF0dXJl")
                                         @RequestHeader(value = SUBJECT_TOKEN, required = false) String subjectToken,
                                         HttpServletRequest request) {
        return withSubject(request, authToken, subjectToken, "identity:revoke_token", (embedded, subject) -> {
            embedded.revoke(subject.token());
            LOG.info("token of user '{}' (project '{}') revoked", subject.info().userName(), subject.info().projectName());
            return ResponseEntity.noContent().build();
        });
    }

    private static ResponseEntity<String> signInAtKeystone(KeystoneSignIn keystone, String body) {
        KeystoneSignIn.Answer answer;
        try {
            answer = keystone.signIn(body);
        } catch (IdentityUnavailableException e) {
            LOG.warn("log-in not passed on: {}", e.getMessage());
            return answer(503, KeystoneError.of(503, "Service Unavailable",
                    "The identity service (Keystone) cannot be reached from this site now; try again shortly."));
        }
        ResponseEntity.BodyBuilder reply = ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON);
        if (answer.subjectToken() != null) {
            reply.header(SUBJECT_TOKEN, answer.subjectToken());
        }
        return reply.body(answer.body());
    }

    private interface SubjectAction {
        ResponseEntity<String> apply(EmbeddedIdentity identity, IssuedToken subject);
    }

    /** Runs {@code action} when the caller's token is valid, the subject token too, and the caller may act on it. */
    private ResponseEntity<String> withSubject(HttpServletRequest request, String authToken, String subjectToken, String policy, SubjectAction action) {
        EmbeddedIdentity embedded = identity.getIfAvailable();
        if (embedded == null) {
            return notEmbedded();
        }
        Optional<TokenInfo> caller = embedded.validate(authToken);
        if (caller.isEmpty()) {
            return unauthorized(embedded, request);
        }
        if (subjectToken == null || subjectToken.isBlank()) {
            return answer(400, KeystoneError.badRequest("Expecting to find " + SUBJECT_TOKEN + " in request headers."));
        }
        Optional<IssuedToken> subject = embedded.inspect(subjectToken);
        if (subject.isEmpty()) {
            // Keystone's message quotes the token; this one does not.
            return answer(404, KeystoneError.notFound("Could not find token."));
        }
        TokenInfo who = caller.get();
        if (!who.userId().equals(subject.get().info().userId()) && !who.isAdmin() && !who.mayActAsService()) {
            return answer(403, KeystoneError.forbidden(policy));
        }
        return action.apply(embedded, subject.get());
    }

    private static ResponseEntity<String> notEmbedded() {
        return answer(404, KeystoneError.notFound("This site's identity service is Keystone, not DIMINET's embedded one."));
    }

    private static ResponseEntity<String> unauthorized(EmbeddedIdentity embedded, HttpServletRequest request) {
        String uri = embedded.identityUri();
        if (uri.startsWith("/")) { // relative: this very site, at the address the client used
            uri = siteRoot(request) + uri;
        }
        return ResponseEntity.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Keystone uri=\"" + uri + "\"")
                .contentType(MediaType.APPLICATION_JSON).body(json(KeystoneError.unauthorized()));
    }

    private List<KeystoneTokenView.Service> catalog(HttpServletRequest request) {
        EmbeddedCatalog services = catalog.getIfAvailable();
        return services == null ? List.of() : services.services(siteRoot(request));
    }

    /** This site as the client reached it: the catalog's URLs must be ones the client can use. */
    private static String siteRoot(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
    }

    private static ResponseEntity<String> answer(int status, KeystoneError error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json(error));
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Keystone body", e);
        }
    }
}
