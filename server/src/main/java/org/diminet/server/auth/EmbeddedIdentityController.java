package org.diminet.server.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
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
 * {@code admin} or {@code service} role, as Keystone's default policy does.
 */
@RestController
@RequestMapping("/v3/auth/tokens")
public class EmbeddedIdentityController {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedIdentityController.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT_TOKEN = "X-Subject-Token";

    private final ObjectProvider<EmbeddedIdentity> identity;
    private final ObjectProvider<KeystoneSignIn> keystone;

    public EmbeddedIdentityController(ObjectProvider<EmbeddedIdentity> identity, ObjectProvider<KeystoneSignIn> keystone) {
        this.identity = identity;
        this.keystone = keystone;
    }

    @PostMapping
    public ResponseEntity<String> issue(@RequestBody(required = false) String body, HttpServletRequest request) {
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
                .body(json(KeystoneTokenView.of(issued, true)));
    }

    @GetMapping
    public ResponseEntity<String> check(@RequestHeader(value = "X-Auth-Token", required = false) String authToken,
                                        @RequestHeader(value = SUBJECT_TOKEN, required = false) String subjectToken,
                                        HttpServletRequest request) {
        // ?nocatalog has no value: its presence is what counts.
        boolean withCatalog = !request.getParameterMap().containsKey("nocatalog");
        return withSubject(request, authToken, subjectToken, "identity:validate_token", (embedded, subject) ->
                ResponseEntity.ok().header(SUBJECT_TOKEN, subject.token()).contentType(MediaType.APPLICATION_JSON)
                        .body(json(KeystoneTokenView.of(subject, withCatalog))));
    }

    @DeleteMapping
    public ResponseEntity<String> revoke(@RequestHeader(value = "X-Auth-Token", required = false) String authToken,
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
            uri = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + uri;
        }
        return ResponseEntity.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Keystone uri=\"" + uri + "\"")
                .contentType(MediaType.APPLICATION_JSON).body(json(KeystoneError.unauthorized()));
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
