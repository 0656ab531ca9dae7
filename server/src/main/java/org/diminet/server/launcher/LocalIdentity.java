package org.diminet.server.launcher;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.diminet.server.auth.EmbeddedIdentity;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diminet.server.settings.SiteProperties;

/**
 * The embedded identity of a group of sites that trust each other, for the demo, the benchmark and the
 * tests: one signing key, an admin, two ordinary users in two projects (to show isolation), and one
 * service user per site for the East-West API. Passwords and key are random unless given.
 */
public record LocalIdentity(String signingKey, List<SiteProperties.User> users) {
    public static final String ADMIN = "admin";
    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    public static final String PROJECT_A = "project-a";
    public static final String PROJECT_B = "project-b";

    public static LocalIdentity generate(List<String> regions) {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[32];
        random.nextBytes(key);
        List<SiteProperties.User> users = new ArrayList<>();
        users.add(new SiteProperties.User(ADMIN, secret(random), "admin", List.of("admin")));
        users.add(new SiteProperties.User(ALICE, secret(random), PROJECT_A, List.of("member")));
        users.add(new SiteProperties.User(BOB, secret(random), PROJECT_B, List.of("member")));
        for (String region : regions) {
            users.add(new SiteProperties.User("diminet-" + region, secret(random), "service", List.of("service")));
        }
        return new LocalIdentity(Base64.getEncoder().encodeToString(key), List.copyOf(users));
    }

    public SiteProperties.User user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no user " + name));
    }

    /**
     * A fresh token of {@code user}, signed with the group's key: every site of the group accepts it, as
     * if that site had issued it (which is what a shared key means).
     */
    public String tokenFor(String user) {
        SiteProperties.User who = user(user);
        EmbeddedIdentity issuer = new EmbeddedIdentity(users, EmbeddedIdentity.signingKey(signingKey), Duration.ofHours(2),
                Clock.systemUTC(), "/v3");
        return issuer.issue(who.name(), who.password(), Optional.empty()).token();
    }

    /** The {@code diminet.auth.*} settings every site of the group gets. */
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("diminet.auth.mode", "embedded");
        settings.put("diminet.auth.signing-key", signingKey);
        for (int i = 0; i < users.size(); i++) {
            SiteProperties.User user = users.get(i);
            String prefix = "diminet.auth.users[" + i + "].";
            settings.put(prefix + "name", user.name());
            settings.put(prefix + "password", user.password());
            settings.put(prefix + "project", user.project());
            settings.put(prefix + "roles", String.join(",", user.roles()));
        }
        return settings;
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
