package org.diminet.server.web.neutron;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.diminet.server.launcher.LocalIdentity;
import org.diminet.server.settings.SiteProperties;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one site the embedded Neutron's REST contracts run against (core and routers): RegionOne with its
 * own identity, an admin user of the test's choosing beside the site's service user, an in-memory database.
 */
final class EmbeddedNeutronSite {
    private EmbeddedNeutronSite() {
    }

    /** An identity with one admin, {@code admin} of {@code adminProject}, and the site's own service user. */
    static LocalIdentity identity(String admin, String adminProject) {
        return new LocalIdentity(Base64.getEncoder().encodeToString(new byte[32]), List.of(
                new SiteProperties.User(admin, "secret", adminProject, List.of("admin")),
                new SiteProperties.User("diminet-RegionOne", "secret", "service", List.of("service"))));
    }

    /** @param dataDir read when the site starts (a test's {@code @TempDir} is set by then, not before) */
    static void register(DynamicPropertyRegistry registry, LocalIdentity identity, String siteProject,
                         Supplier<Path> dataDir, String database) {
        identity.settings().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("diminet.region", () -> "RegionOne");
        registry.add("diminet.project", () -> siteProject);
        registry.add("diminet.data-dir", () -> dataDir.get().toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        // The contracts call faster than a user may (over 100 calls with one token in a second on a fast host).
        registry.add("diminet.auth.rate-limit", () -> "0");
    }
}
