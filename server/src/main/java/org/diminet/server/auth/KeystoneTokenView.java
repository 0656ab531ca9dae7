package org.diminet.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A token as Keystone v3 describes it ({@code {"token": {...}}}), with this site's catalog. */
@Schema(name = "KeystoneTokenResponse", description = "A token, as Keystone v3 describes it")
record KeystoneTokenView(@Schema(description = "The token") Token token) {
    // Keystone's own format: microseconds, always, and Z.
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "KeystoneToken", description = "What the token says about its bearer")
    record Token(@Schema(description = "How it was obtained: always `password` here", example = "[\"password\"]")
                 List<String> methods,
                 @Schema(description = "When it expires (UTC, microseconds)", example = "2026-11-22T11:15:00.000000Z")
                 @JsonProperty("expires_at") String expiresAt,
                 @Schema(description = "When it was issued (UTC, microseconds)", example = "2026-11-22T10:15:00.000000Z")
                 @JsonProperty("issued_at") String issuedAt,
                 @Schema(description = "Its user") User user,
                 @Schema(description = "The project it is scoped to") Project project,
                 @Schema(description = "The user's roles in that project",
                         example = "[{\"id\": \"member\", \"name\": \"member\"}]")
                 List<Role> roles,
                 @Schema(description = "The service catalog: this site's own services in its region (`identity`,"
                         + " `intersite`, and `network` where the site serves the embedded Neutron); absent with"
                         + " `?nocatalog`", example = "[{\"id\": \"network\", \"type\": \"network\", \"name\": \"neutron\","
                         + " \"endpoints\": [{\"id\": \"RegionOne-network-public\", \"interface\": \"public\","
                         + " \"region\": \"RegionOne\", \"region_id\": \"RegionOne\","
                         + " \"url\": \"http://127.0.0.1:7575/neutron\"}]}]")
                 List<Service> catalog) {
    }

    @Schema(name = "KeystoneCatalogService", description = "A service of the catalog and its endpoints")
    record Service(@Schema(description = "Its id", example = "network") String id,
                   @Schema(description = "Its type: `identity`, `intersite` (DIMINET) or `network` (Neutron)",
                           example = "network") String type,
                   @Schema(description = "Its name", example = "neutron") String name,
                   @Schema(description = "Its endpoints: public, internal and admin", example = "[{\"id\":"
                           + " \"RegionOne-network-public\", \"interface\": \"public\", \"region\": \"RegionOne\","
                           + " \"region_id\": \"RegionOne\", \"url\": \"http://127.0.0.1:7575/neutron\"}]")
                   List<Endpoint> endpoints) {
    }

    @Schema(name = "KeystoneCatalogEndpoint", description = "Where a service answers, for one interface and region")
    record Endpoint(@Schema(description = "Its id", example = "RegionOne-network-public") String id,
                    @Schema(description = "`public`, `internal` or `admin`", example = "public")
                    @JsonProperty("interface") String anInterface,
                    @Schema(description = "The region (older clients read this)", example = "RegionOne") String region,
                    @Schema(description = "The region", example = "RegionOne") @JsonProperty("region_id") String regionId,
                    @Schema(description = "The URL; a network endpoint has no `/v2.0` (clients add it)",
                            example = "http://127.0.0.1:7575/neutron") String url) {
    }

    @Schema(name = "KeystoneDomain", description = "A domain: the embedded identity has one, `default`")
    record Domain(@Schema(description = "Its id", example = "default") String id,
                  @Schema(description = "Its name", example = "Default") String name) {
        static final Domain DEFAULT = new Domain("default", "Default");
    }

    @Schema(name = "KeystoneUser", description = "A user")
    record User(@Schema(description = "Its id (its name here)", example = "alice") String id,
                @Schema(description = "Its name", example = "alice") String name,
                @Schema(description = "Its domain") Domain domain) {
    }

    @Schema(name = "KeystoneProject", description = "A project")
    record Project(@Schema(description = "Its id (its name here)", example = "project-a") String id,
                   @Schema(description = "Its name", example = "project-a") String name,
                   @Schema(description = "Its domain") Domain domain) {
    }

    @Schema(name = "KeystoneRole", description = "A role")
    record Role(@Schema(description = "Its id (its name here)", example = "member") String id,
                @Schema(description = "Its name: `admin` sees every project, `service` speaks for a site",
                        example = "member") String name) {
    }

    /** @param catalog null for {@code ?nocatalog}: Keystone then leaves the catalog out */
    static KeystoneTokenView of(IssuedToken issued, List<Service> catalog) {
        TokenInfo info = issued.info();
        List<Role> roles = info.roles().stream().sorted().map(name -> new Role(name, name)).toList();
        return new KeystoneTokenView(new Token(List.of("password"), time(info.expiresAt()), time(issued.issuedAt()),
                new User(info.userId(), info.userName(), Domain.DEFAULT),
                new Project(info.projectId(), info.projectName(), Domain.DEFAULT), roles,
                catalog));
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
