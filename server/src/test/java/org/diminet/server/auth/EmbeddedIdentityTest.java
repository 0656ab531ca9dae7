package org.diminet.server.auth;

import org.diminet.openstack.keystone.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.diminet.server.settings.SiteProperties;
import org.junit.jupiter.api.Test;

class EmbeddedIdentityTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final List<SiteProperties.User> USERS = List.of(
            new SiteProperties.User("alice", "alice-secret", "demo", List.of("member", "reader")),
            new SiteProperties.User("root", "root-secret", "admin", List.of("admin")),
            new SiteProperties.User("diminet-RegionOne", "peer-secret", "service", List.of("service")));
    private static final Duration LIFETIME = Duration.ofHours(1);

    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-22T12:00:00.123456789Z"));
    private final EmbeddedIdentity identity = new EmbeddedIdentity(USERS, KEY, LIFETIME, clock, "http://127.0.0.1:7575/v3");

    @Test
    void anIssuedToken_validatesAsItsUserProjectAndRoles_untilItExpires() {
        IssuedToken issued = identity.issue("alice", "alice-secret", Optional.empty());

        Instant issuedAt = Instant.parse("2026-11-22T12:00:00.123Z");
        TokenInfo expected = new TokenInfo("alice", "alice", "demo", "demo", Set.of("member", "reader"),
                issuedAt.plus(LIFETIME));
        assertThat(issued.info()).isEqualTo(expected);
        assertThat(issued.issuedAt()).isEqualTo(issuedAt);
        assertThat(identity.validate(issued.token())).contains(expected);

        clock.advance(Duration.between(clock.instant(), expected.expiresAt()).minusNanos(1));
        assertThat(identity.validate(issued.token())).contains(expected);
        clock.advance(Duration.ofNanos(1));
        assertThat(identity.validate(issued.token())).isEmpty();
    }

    @Test
    void theUsersOwnProject_mayBeAskedForByName() {
        assertThat(identity.issue("root", "root-secret", Optional.of("admin")).info().isAdmin()).isTrue();
    }

    @Test
    void wrongPasswordUnknownUserAndOtherProject_areRefused_withoutShowingThePassword() {
        assertThatThrownBy(() -> identity.issue("alice", "wrong-guess", Optional.empty()))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("wrong password for user 'alice'").hasMessageNotContaining("wrong-guess");
        assertThatThrownBy(() -> identity.issue("alice", null, Optional.empty()))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> identity.issue("alice", "", Optional.empty()))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> identity.issue("mallory", "alice-secret", Optional.empty()))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("no user 'mallory'").hasMessageNotContaining("alice-secret");
        assertThatThrownBy(() -> identity.issue("eve\nINFO forged log line", "x", Optional.empty()))
                .hasMessageContaining("no user 'eve?INFO forged log line'");
        assertThatThrownBy(() -> identity.issue(null, "alice-secret", Optional.empty()))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> identity.issue("alice", "alice-secret", Optional.of("admin")))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("not in project 'admin'");
    }

    @Test
    void everySiteWithTheKey_acceptsTheToken_andNoSiteWithAnotherKey() {
        IssuedToken issued = identity.issue("alice", "alice-secret", Optional.empty());
        EmbeddedIdentity otherSite = new EmbeddedIdentity(List.of(), KEY.clone(), LIFETIME, clock, "http://10.0.0.2:7575/v3");
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        EmbeddedIdentity otherKeySite = new EmbeddedIdentity(USERS, otherKey, LIFETIME, clock, "http://10.0.0.3:7575/v3");

        assertThat(otherSite.validate(issued.token())).contains(issued.info());
        assertThat(otherKeySite.validate(issued.token())).isEmpty();
        assertThat(identity.validate(otherKeySite.issue("root", "root-secret", Optional.empty()).token())).isEmpty();
    }

    @Test
    void changingAnyCharacter_makesTheTokenInvalid() {
        String token = identity.issue("alice", "alice-secret", Optional.empty()).token();

        for (int i = 0; i < token.length(); i++) {
            for (char replacement : new char[] {'A', 'B', 'g', 'h', '0', '-', '_', '.'}) {
                if (token.charAt(i) == replacement) {
                    continue;
                }
                String changed = token.substring(0, i) + replacement + token.substring(i + 1);
                assertThat(identity.validate(changed)).as("token with character %d changed to %s", i, replacement).isEmpty();
            }
        }
        assertThat(identity.validate(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(identity.validate(token + "A")).isEmpty();
        assertThat(identity.validate(token)).isPresent();
    }

    @Test
    void rolesRaisedInThePayload_withTheOldSignature_areRefused() {
        String token = identity.issue("alice", "alice-secret", Optional.empty()).token();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"member\"");
        String raised = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"member\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));

        assertThat(identity.validate(parts[0] + "." + raised + "." + parts[2])).isEmpty();
    }

    @Test
    void garbage_isNoToken_andNeverAnException() {
        String hugeButValidPrefix = "dmn1." + "A".repeat(100_000) + ".sig";
        for (String garbage : Arrays.asList(null, "", " ", "dmn1.", "dmn1..", "dmn1...", "dmn1.e30.", "dmn1.e30.AAAA",
                "dmn1.%%%.%%%", "dmn1.e30", "gAAAAABexample-fernet-token", "Bearer abc", "eyJhbGciOiJub25lIn0.e30.",
                "dmn1.\u00e9\u00e9.\u00e9", "dmn1.\n.\r", hugeButValidPrefix)) {
            assertThatNoException().isThrownBy(() -> assertThat(identity.validate(garbage)).isEmpty());
            assertThat(identity.revoke(garbage)).isFalse();
        }
    }

    @Test
    void aRevokedToken_isInvalid_andOnlyThatOne() {
        IssuedToken first = identity.issue("alice", "alice-secret", Optional.empty());
        IssuedToken second = identity.issue("alice", "alice-secret", Optional.empty());

        assertThat(identity.revoke(first.token())).isTrue();

        assertThat(identity.validate(first.token())).isEmpty();
        assertThat(identity.validate(second.token())).contains(second.info());
        assertThat(identity.revoke(first.token())).as("already revoked").isFalse();
    }

    @Test
    void revocationsAreForgotten_onceTheirTokensExpired() {
        identity.revoke(identity.issue("alice", "alice-secret", Optional.empty()).token());
        identity.revoke(identity.issue("alice", "alice-secret", Optional.empty()).token());
        assertThat(identity.revocationsKept()).isEqualTo(2);

        clock.advance(LIFETIME.plusMinutes(2));
        IssuedToken later = identity.issue("alice", "alice-secret", Optional.empty());
        identity.revoke(later.token());

        assertThat(identity.revocationsKept()).isEqualTo(1);
        assertThat(identity.validate(later.token())).isEmpty();
    }

    @Test
    void theServiceUser_getsATokenWithoutPassword() {
        IssuedToken service = identity.issueFor("diminet-RegionOne");

        assertThat(identity.validate(service.token())).hasValueSatisfying(info -> {
            assertThat(info.userName()).isEqualTo("diminet-RegionOne");
            assertThat(info.projectId()).isEqualTo("service");
            assertThat(info.mayActAsService()).isTrue();
        });
        assertThatThrownBy(() -> identity.issueFor("nobody")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no user 'nobody'");
    }

    @Test
    void noSecret_isShown() {
        IssuedToken issued = identity.issue("alice", "alice-secret", Optional.empty());
        String keyBase64 = Base64.getEncoder().encodeToString(KEY);

        assertThat(identity.toString()).contains("alice").doesNotContain("alice-secret", "root-secret", "peer-secret",
                keyBase64, new String(KEY, StandardCharsets.US_ASCII));
        assertThat(issued.toString()).contains("alice").doesNotContain(issued.token());
    }

    @Test
    void aShortOrMissingKeyOrBadSettings_areRefusedClearly() {
        assertThatThrownBy(() -> new EmbeddedIdentity(USERS, new byte[31], LIFETIME, clock, "u"))
                .hasMessageContaining("has 31 bytes; it needs at least 32");
        assertThatThrownBy(() -> EmbeddedIdentity.signingKey(null)).hasMessageContaining("diminet.auth.signing-key is missing");
        assertThatThrownBy(() -> EmbeddedIdentity.signingKey("c2hvcnQ=")).hasMessageContaining("has 5 bytes");
        assertThatThrownBy(() -> EmbeddedIdentity.signingKey("not base64!")).hasMessageContaining("is not base64");
        assertThat(EmbeddedIdentity.signingKey(Base64.getEncoder().encodeToString(KEY))).isEqualTo(KEY);
        assertThatThrownBy(() -> new EmbeddedIdentity(List.of(USERS.get(0), USERS.get(0)), KEY, LIFETIME, clock, "u"))
                .hasMessageContaining("user 'alice' is listed twice");
        assertThatThrownBy(() -> new EmbeddedIdentity(List.of(new SiteProperties.User("bob", "pw", null, null)), KEY,
                LIFETIME, clock, "u")).hasMessageContaining("user 'bob' has no project");
        assertThatThrownBy(() -> new EmbeddedIdentity(USERS, KEY, Duration.ZERO, clock, "u"))
                .hasMessageContaining("token-lifetime must be positive");
    }
}
