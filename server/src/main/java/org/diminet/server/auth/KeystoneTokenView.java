package org.diminet.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A token as Keystone v3 describes it ({@code {"token": {...}}}), with an empty catalog. */
record KeystoneTokenView(Token token) {
    // Keystone's own format: microseconds, always, and Z.
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Token(List<String> methods, @JsonProperty("expires_at") String expiresAt,
                 @JsonProperty("issued_at") String issuedAt, User user, Project project, List<Role> roles,
                 List<Object> catalog) {
    }

    record Domain(String id, String name) {
        static final Domain DEFAULT = new Domain("default", "Default");
    }

    record User(String id, String name, Domain domain) {
    }

    record Project(String id, String name, Domain domain) {
    }

    record Role(String id, String name) {
    }

    /** @param withCatalog false for {@code ?nocatalog}: Keystone then leaves the catalog out */
    static KeystoneTokenView of(IssuedToken issued, boolean withCatalog) {
        TokenInfo info = issued.info();
        List<Role> roles = info.roles().stream().sorted().map(name -> new Role(name, name)).toList();
        return new KeystoneTokenView(new Token(List.of("password"), time(info.expiresAt()), time(issued.issuedAt()),
                new User(info.userId(), info.userName(), Domain.DEFAULT),
                new Project(info.projectId(), info.projectName(), Domain.DEFAULT), roles,
                withCatalog ? List.of() : null));
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
