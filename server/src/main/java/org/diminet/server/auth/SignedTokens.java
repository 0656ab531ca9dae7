package org.diminet.server.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The embedded identity's token format: {@code dmn1.<base64url(JSON claims)>.<base64url(HMAC-SHA256)>},
 * the MAC covering everything before the last dot. Like Keystone's Fernet tokens, a token carries all
 * its claims, so every site holding the key checks any site's tokens alone. The claims are signed, not
 * encrypted: they hold no secret. Thread-safe.
 */
final class SignedTokens {
    static final int MIN_KEY_BYTES = 32;
    private static final String VERSION = "dmn1.";
    private static final String ALGORITHM = "HmacSHA256";
    // Far above any token this class writes; longer strings are refused before any work.
    private static final int MAX_LENGTH = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    SignedTokens(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the token signing key (diminet.auth.signing-key) has " + key.length
                    + " bytes; it needs at least " + MIN_KEY_BYTES + " (e.g. from 'openssl rand -base64 32')");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * What a token says.
     *
     * @param nonce random, so that two tokens issued in the same instant differ and are revoked apart
     */
    record Claims(String user, String project, List<String> roles, Instant issuedAt, Instant expiresAt, String nonce) {
        Claims {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(project, "project");
            roles = List.copyOf(roles);
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(nonce, "nonce");
        }
    }

    /** The JSON form, with short names: it travels in every request's header. */
    private record Payload(String u, String p, List<String> r, long iat, long exp, String n) {
    }

    String sign(Claims claims) {
        Payload payload = new Payload(claims.user(), claims.project(), claims.roles(), claims.issuedAt().toEpochMilli(),
                claims.expiresAt().toEpochMilli(), claims.nonce());
        String signed;
        try {
            signed = VERSION + ENCODER.encodeToString(JSON.writeValueAsBytes(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write token claims", e);
        }
        return signed + "." + ENCODER.encodeToString(mac(signed));
    }

    /** The claims of a token this key signed, whatever its expiry; empty for anything else. Never throws. */
    Optional<Claims> verify(String token) {
        if (token == null || token.length() > MAX_LENGTH || !token.startsWith(VERSION)) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot < VERSION.length()) {
            return Optional.empty();
        }
        String signed = token.substring(0, dot);
        // The signature is compared as text: base64 lets two strings decode to the same bytes.
        byte[] expected = ENCODER.encodeToString(mac(signed)).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        try {
            Payload p = JSON.readValue(DECODER.decode(signed.substring(VERSION.length())), Payload.class);
            return Optional.of(new Claims(p.u(), p.p(), p.r() == null ? List.of() : p.r(), Instant.ofEpochMilli(p.iat()),
                    Instant.ofEpochMilli(p.exp()), p.n()));
        } catch (RuntimeException | IOException e) {
            // Bad base64, or claims unreadable under a valid MAC (only a key holder could make those): no token.
            return Optional.empty();
        }
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SignedTokens[" + VERSION + "HMAC-SHA256, key=***]";
    }
}
