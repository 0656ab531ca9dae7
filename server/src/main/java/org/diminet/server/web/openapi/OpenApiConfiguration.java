package org.diminet.server.web.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.RouteTarget;
import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document the site serves at {@code /api/openapi} (everything) and per API at
 * {@code /api/openapi/north}, {@code /api/openapi/east-west} and {@code /api/openapi/neutron}, with the
 * Swagger UI at {@code /api/ui}.
 *
 * <p>Schemas are derived with the application's own JSON settings (a copy of Spring's mapper: snake_case
 * names, the core's value types as strings), so the document describes what goes over the wire; the
 * core's records are described through documentation-only mix-ins ({@link CoreSchemas}), the core itself
 * knowing nothing of OpenAPI. Security, the error responses every operation can give and their shape are
 * added by {@link ApiConventions} from the same rules the filters and exception handlers follow.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {
    static final String KEYSTONE_TOKEN = "keystoneToken";
    static final String SERVICE_TOKEN = "serviceToken";
    static final String PEER_REGION = "peerRegion";
    static final String MUTUAL_TLS = "mutualTLS";

    static final String NORTH = "North";
    static final String EAST_WEST = "East-West";
    static final String NEUTRON = "Neutron";
    static final String IDENTITY = "Identity";
    static final String SITE = "Site";

    static {
        // Single-value records of the core travel as plain strings (DomainJsonModule).
        SpringDocUtils.getConfig()
                .replaceWithClass(Cidr.class, String.class)
                .replaceWithClass(Region.class, String.class)
                .replaceWithClass(NetworkId.class, String.class)
                .replaceWithClass(GlobalId.class, String.class)
                .replaceWithClass(RouteTarget.class, String.class);
    }

    @Bean
    OpenAPI diminetOpenApi(ObjectProvider<BuildProperties> build) {
        return new OpenAPI()
                .info(new Info()
                        .title("DIMINET API")
                        .version(version(build.getIfAvailable()))
                        .summary("Inter-site L2 extension and L3 routing between independent cloud sites")
                        .description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(KEYSTONE_TOKEN, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Auth-Token")
                                .description("A user's token: Keystone's beside OpenStack, else one of the site's embedded"
                                        + " identity (`POST /v3/auth/tokens`). It decides the project whose services and"
                                        + " networks the caller sees; the `admin` role sees all."))
                        .addSecuritySchemes(SERVICE_TOKEN, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Auth-Token")
                                .description("East-West, unless the site requires mutual TLS: a token of the calling"
                                        + " site's service user (role `service` or `admin`), sent with `" + PEER_REGION
                                        + "`."))
                        .addSecuritySchemes(PEER_REGION, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-DIMINET-Region")
                                .description("East-West: the region the calling site speaks for. With a service token it"
                                        + " must be the region that token's user is mapped to"
                                        + " (`diminet.auth.peer-users.<Region>`, default user `diminet-<Region>`); with"
                                        + " a client certificate it is optional and, if sent, must be the certificate's."))
                        .addSecuritySchemes(MUTUAL_TLS, new SecurityScheme()
                                .type(SecurityScheme.Type.MUTUALTLS)
                                .description("East-West with `diminet.east-west.auth=mtls` (on the East-West port,"
                                        + " `diminet.east-west.port`): a client certificate from an authority in the"
                                        + " site's trust store whose CN is the calling region.")))
                .tags(List.of(
                        new Tag().name(NORTH).description("Inter-site services (L2 extensions and L3 routing) as users"
                                + " create, read, change and delete them. The site that receives a create becomes the"
                                + " service's master; changes and deletes sent to another site are handed on to it."),
                        new Tag().name(EAST_WEST).description("Calls between DIMINET sites: a master asks the other"
                                + " sites of a service to check, create, change and remove their parts, and sites ask"
                                + " the master for pools and their standing. Only peers may call it."),
                        new Tag().name(NEUTRON).description("The embedded VIM of a simulated site, served as OpenStack"
                                + " Neutron v2.0 (networks, subnets, ports) with Neutron's bodies and errors. Absent"
                                + " beside a real OpenStack."),
                        new Tag().name(IDENTITY).description("The embedded identity's tokens in Keystone v3's shape"
                                + " (log-in, validation, revocation). Beside OpenStack, Keystone does this and these"
                                + " operations answer 404."),
                        new Tag().name(SITE).description("Which site this is and how it is doing; open, for probes.")));
    }

    /** The application's JSON settings, plus documentation-only mix-ins; never the mapper that writes answers. */
    @Bean
    ModelResolver diminetModelResolver(ObjectMapper json, SpringDocConfigProperties springdoc) {
        ObjectMapper copy = CoreSchemas.register(json.copy());
        return new ModelResolver(copy).openapi31(
                springdoc.getApiDocs().getVersion() == SpringDocConfigProperties.ApiDocs.OpenApiVersion.OPENAPI_3_1);
    }

    @Bean
    ApiConventions diminetApiConventions() {
        return new ApiConventions();
    }

    @Bean
    GroupedOpenApi northApi() {
        return GroupedOpenApi.builder().group("north").displayName("North: users")
                .pathsToMatch("/api/intersite-vertical", "/api/intersite-vertical/**", "/api/networks", "/api/region", "/api/health",
                        "/v3/auth/tokens")
                .addOpenApiCustomizer(api -> ApiConventions.retitle(api, "North API", "The users' API: inter-site"
                        + " services, the site's region and health, and the embedded identity's tokens."))
                .build();
    }

    @Bean
    GroupedOpenApi eastWestApi() {
        return GroupedOpenApi.builder().group("east-west").displayName("East-West: between sites")
                .pathsToMatch("/api/intersite-horizontal", "/api/intersite-horizontal/**")
                .addOpenApiCustomizer(api -> ApiConventions.retitle(api, "East-West API", "What DIMINET sites ask"
                        + " each other. Not for users: only a peer's service token with its region, or its client"
                        + " certificate, is admitted."))
                .build();
    }

    @Bean
    GroupedOpenApi neutronApi() {
        return GroupedOpenApi.builder().group("neutron").displayName("Neutron: the embedded VIM")
                .pathsToMatch("/neutron", "/neutron/**")
                .addOpenApiCustomizer(api -> ApiConventions.retitle(api, "embedded Neutron API", "A simulated"
                        + " site's VIM in OpenStack Neutron v2.0's shapes (embedded sites only)."))
                .build();
    }

    static String version(BuildProperties build) {
        if (build != null && build.getVersion() != null) {
            return build.getVersion();
        }
        String manifest = OpenApiConfiguration.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "unknown";
    }

    private static final String DESCRIPTION = """
            DIMINET gives users of independent cloud sites (one OpenStack region each) virtual networks that \
            span sites, without a central controller: **L3 routing** between existing networks of several sites \
            and **L2 extension** of one site's network to others, each site handing out addresses from its own \
            disjoint allocation pools. One DIMINET runs beside each site.

            **APIs.** *North* (`/api/intersite-vertical`): users create and manage services; the site that \
            receives a create is the service's master. *East-West* (`/api/intersite-horizontal`): sites between \
            themselves. *Neutron* (`/neutron/v2.0`): a simulated site's VIM. *Identity* (`/v3/auth/tokens`): \
            the embedded identity's Keystone-shaped tokens. The document per API: `/api/openapi/north`, \
            `/api/openapi/east-west`, `/api/openapi/neutron`; all of them: `/api/openapi`; browsable at `/api/ui`.

            **Authentication.** Users send `X-Auth-Token` (Keystone's token, or the embedded identity's). \
            Peers send their service user's token with `X-DIMINET-Region`, or present a client certificate when \
            the site requires mutual TLS. `GET /api/region`, `GET /api/health`, Neutron's version list, the \
            token log-in and this document are open. Each user token (or client address) may make \
            `diminet.auth.rate-limit` requests per second (default 50, bursts of 100); peers are not limited. \
            With `diminet.east-west.port` set, the East-West API has a port of its own: the main port answers it \
            404, and that port answers 404 to everything else but `GET /api/region` and the North requests a \
            peer hands on to their master.

            **Errors.** The DIMINET APIs answer errors as RFC 9457 problem details \
            (`application/problem+json`, schema `Problem`): besides `type`, `title`, `status`, `detail` and \
            `instance`, a short stable `problem` name (e.g. `cidr-overlap`), the `region` concerned (the site \
            that answered, or the peer that failed) and, for bad input, the `field`. The Neutron API answers \
            Neutron's `{"NeutronError": {...}}` and the identity Keystone's `{"error": {...}}`. A request that \
            fails leaves nothing created at any site.

            **JSON.** snake_case names; times are ISO 8601 in UTC; absent values are `null`.
            """;
}
