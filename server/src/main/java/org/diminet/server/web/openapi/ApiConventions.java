package org.diminet.server.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.diminet.server.auth.AuthenticationFilter;
import org.diminet.server.web.neutron.NeutronController;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * What every operation of an API has in common, added to each document (the whole one and each group)
 * from the rules the request pipeline follows, so that the controllers declare only what is their own:
 *
 * <ul>
 *   <li>security, as {@link AuthenticationFilter} decides it: the East-West API admits a peer's service
 *       token with its region, or its client certificate; the open paths nothing; all else a user's token;</li>
 *   <li>the error responses the filters and handlers give before or around any controller: 401, 403, 429 and
 *       503 from authentication, 415 from the content-type check on operations with a body, 406, 500;</li>
 *   <li>the body of every error response declared without one (springdoc would give it the operation's return
 *       type): problem details
 *       ({@code application/problem+json}, schema {@value #PROBLEM}) on the DIMINET APIs, Neutron's
 *       {@code NeutronError} on the Neutron API (schema {@value #NEUTRON_ERROR}).</li>
 * </ul>
 *
 * An operation that declares a status itself keeps its description, and the filter's reason is appended.
 */
final class ApiConventions implements GlobalOpenApiCustomizer, GlobalOperationCustomizer {
    static final String PROBLEM = "Problem";
    static final String NEUTRON_ERROR = "NeutronError";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Who may call an operation, by its path, as {@link AuthenticationFilter} decides it. */
    enum Api {
        /** Users, with problem details: North and what else is not East-West, Neutron or open. */
        USER,
        /** The East-West API: peers only. */
        PEER,
        /** The embedded Neutron API: users, Neutron's error body. */
        NEUTRON,
        /** Paths the authentication filter lets through: region, health, Neutron's versions, the token log-in. */
        OPEN;

        static Api of(String path) {
            if (AuthenticationFilter.isOpen(path)) {
                return OPEN;
            }
            if (AuthenticationFilter.isEastWest(path)) {
                return PEER;
            }
            return path.startsWith("/neutron/") ? NEUTRON : USER;
        }
    }

    /**
     * An error response a controller declares without a body gets its API's error body here: springdoc would
     * otherwise give it the method's return type. A body the controller declares itself is kept (the health's
     * 503, the identity's Keystone errors).
     */
    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Set<String> declaredBodies = new HashSet<>();
        for (io.swagger.v3.oas.annotations.responses.ApiResponse declared
                : handler.getMethod().getAnnotationsByType(io.swagger.v3.oas.annotations.responses.ApiResponse.class)) {
            if (declared.content().length > 0) {
                declaredBodies.add(declared.responseCode());
            }
        }
        // Every controller of the Neutron package (networks, routers, agents, extensions) answers NeutronError.
        boolean neutron = handler.getBeanType().getPackageName().equals(NeutronController.class.getPackageName());
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if (isError(status) && !declaredBodies.contains(status)) {
                    response.setContent(errorContent(neutron));
                } else if (status.equals("204")) {
                    response.setContent(null); // No Content: springdoc would give it the return type too
                }
            });
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI api) {
        boolean problemUsed = false;
        boolean neutronErrorUsed = false;
        Set<String> tagsUsed = new LinkedHashSet<>();
        Set<String> schemesUsed = new HashSet<>();
        if (api.getPaths() != null) {
            for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                    Operation operation = entry.getValue();
                    apply(path.getKey(), operation);
                    if (operation.getTags() != null) {
                        tagsUsed.addAll(operation.getTags());
                    }
                    operation.getSecurity().forEach(requirement -> schemesUsed.addAll(requirement.keySet()));
                    for (ApiResponse response : operation.getResponses().values()) {
                        if (response.getContent() == null) {
                            continue;
                        }
                        for (MediaType media : response.getContent().values()) {
                            String ref = media.getSchema() == null ? null : media.getSchema().get$ref();
                            problemUsed |= ("#/components/schemas/" + PROBLEM).equals(ref);
                            neutronErrorUsed |= ("#/components/schemas/" + NEUTRON_ERROR).equals(ref);
                        }
                    }
                }
            }
        }
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        completeCoreSchemas(api.getComponents());
        if (problemUsed) {
            api.getComponents().addSchemas(PROBLEM, ErrorSchemas.problem());
        }
        if (neutronErrorUsed) {
            api.getComponents().addSchemas(NEUTRON_ERROR, ErrorSchemas.neutronError());
        }
        if (api.getComponents().getSecuritySchemes() != null) {
            // A group's document names only the schemes its operations use (a new map: groups may share the old).
            Map<String, SecurityScheme> kept = new LinkedHashMap<>();
            api.getComponents().getSecuritySchemes().forEach((name, scheme) -> {
                if (schemesUsed.contains(name)) {
                    kept.put(name, scheme);
                }
            });
            api.getComponents().setSecuritySchemes(kept);
        }
        if (api.getTags() != null) {
            List<Tag> kept = new ArrayList<>(api.getTags().stream().filter(t -> tagsUsed.contains(t.getName())).toList());
            api.setTags(kept);
        }
    }

    private static void apply(String path, Operation operation) {
        Api kind = Api.of(path);
        boolean neutronShape = path.startsWith("/neutron");
        boolean identity = path.startsWith("/v3/");
        if (operation.getSecurity() == null) {
            operation.setSecurity(switch (kind) {
                case OPEN -> List.of();
                case PEER -> List.of(
                        new SecurityRequirement().addList(OpenApiConfiguration.SERVICE_TOKEN).addList(OpenApiConfiguration.PEER_REGION),
                        new SecurityRequirement().addList(OpenApiConfiguration.MUTUAL_TLS));
                case USER, NEUTRON -> List.of(new SecurityRequirement().addList(OpenApiConfiguration.KEYSTONE_TOKEN));
            });
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        switch (kind) {
            case USER, NEUTRON -> {
                add(responses, "401", neutronShape ? "No valid token (`HTTPUnauthorized`): `X-Auth-Token` is missing,"
                        + " unknown, expired or revoked." : "No valid token (`unauthenticated`): `X-Auth-Token` is"
                        + " missing, unknown, expired or revoked.", wwwAuthenticate());
                add(responses, "429", "Too many requests with this token, or from this address without one ("
                        + (neutronShape ? "`HTTPTooManyRequests`" : "`rate-limited`") + ").", retryAfter());
                add(responses, "503", "The identity service could not check the token now ("
                        + (neutronShape ? "`HTTPServiceUnavailable`" : "`identity-unavailable`") + "); try again shortly.", null);
            }
            case PEER -> {
                add(responses, "401", "No valid credential (`unauthenticated`): no valid service token in `X-Auth-Token`"
                        + " or, where the site requires mutual TLS, no client certificate.", wwwAuthenticate());
                add(responses, "403", "The credential does not admit this peer (`forbidden`): the token's user has neither"
                        + " the `service` nor the `admin` role, or does not speak for the region in `X-DIMINET-Region`;"
                        + " or that header names another region than the certificate.", null);
                add(responses, "503", "The identity service could not check the service token now"
                        + " (`identity-unavailable`); try again shortly.", null);
            }
            case OPEN -> {
            }
        }
        if (operation.getRequestBody() != null) {
            // The content-type filter's refusal; a JSON body read by Spring also refuses what is not JSON.
            add(responses, "415", neutronShape ? "`Content-Type` is not one concrete media type: a wildcard, not a"
                    + " media type, or an unknown charset (`HTTPUnsupportedMediaType`)."
                    : identity ? "`Content-Type` is not one concrete media type: a wildcard, not a media type, or an"
                    + " unknown charset (`unsupported-media-type`)."
                    : "`Content-Type` is not one concrete media type, e.g. a wildcard or an unknown charset"
                    + " (`unsupported-media-type`), or is not JSON (`http-415`).", null);
        }
        if (!identity) {
            add(responses, "406", neutronShape ? "`Accept` allows no JSON (`HTTPNotAcceptable`)."
                    : "`Accept` allows no JSON (`http-406`).", null);
        }
        add(responses, "500", neutronShape ? "An unexpected failure (`HTTPInternalServerError`); the site's log has"
                + " the details." : "An unexpected failure (`internal-error`); `detail` gives the incident id under which"
                + " the site's log has the details.", null);
        for (Map.Entry<String, ApiResponse> response : responses.entrySet()) {
            if (isError(response.getKey()) && response.getValue().getContent() == null) {
                response.getValue().setContent(errorContent(neutronShape));
            }
        }
        operation.setResponses(sorted(responses));
    }

    /**
     * What the core's mix-ins ({@link CoreSchemas}) cannot say: the records' own descriptions, and the
     * {@code kind} that {@code DomainJsonModule} writes into every {@code ServiceParams}, as a discriminator
     * between {@code L2Params} and {@code L3Params} (derived, they would be an empty base and two subtypes
     * without it).
     */
    private static void completeCoreSchemas(Components components) {
        Map<String, Schema> schemas = components.getSchemas();
        if (schemas == null) {
            return;
        }
        Map<String, String> descriptions = CoreSchemas.descriptions();
        descriptions.forEach((name, description) -> {
            Schema<?> schema = schemas.get(name);
            if (schema != null && schema.getDescription() == null) {
                schema.setDescription(description);
            }
        });
        if (!schemas.containsKey("L2Params") || !schemas.containsKey("L3Params")) {
            return;
        }
        Discriminator kind = new Discriminator().propertyName("kind");
        List<Schema> variants = new ArrayList<>();
        for (String type : List.of("L2", "L3")) {
            String name = type + "Params";
            Schema<?> declared = schemas.get(name);
            Schema<?> object = declared.getAllOf() == null ? declared : declared.getAllOf().stream()
                    .filter(part -> part.get$ref() == null).findFirst().orElseThrow();
            Map<String, Schema> properties = new LinkedHashMap<>();
            properties.put("kind", ErrorSchemas.string("Which parameters these are: " + type, type)._enum(List.of(type)));
            if (object.getProperties() != null) {
                properties.putAll(object.getProperties());
            }
            Schema<Object> flat = ErrorSchemas.object(descriptions.get(name));
            flat.setProperties(properties);
            flat.setRequired(List.of("kind"));
            schemas.put(name, flat);
            kind.mapping(type, "#/components/schemas/" + name);
            variants.add(ref(name));
        }
        schemas.put("ServiceParams", new Schema<>().oneOf(variants).discriminator(kind)
                .description("A service's parameters at one site, by `kind`"));
        for (Schema<?> schema : schemas.values()) {
            if (schema.getProperties() != null) {
                schema.getProperties().replaceAll((name, property) -> isParamsChoice(property)
                        ? ref("ServiceParams").description(property.getDescription()).example(property.getExample())
                        : property);
            }
        }
    }

    /** A property springdoc derived as "one of L2Params, L3Params". */
    private static boolean isParamsChoice(Schema<?> property) {
        return property.getOneOf() != null && property.getOneOf().stream().map(Schema::get$ref).toList()
                .equals(List.of("#/components/schemas/L2Params", "#/components/schemas/L3Params"));
    }

    /** Adds the filter's response, or appends its reason to the one the operation declared. */
    private static void add(ApiResponses responses, String status, String description, Map<String, Header> headers) {
        ApiResponse declared = responses.get(status);
        if (declared == null) {
            responses.addApiResponse(status, new ApiResponse().description(description).headers(headers == null ? null
                    : new LinkedHashMap<>(headers)));
            return;
        }
        if (declared.getDescription() == null || !declared.getDescription().contains(description)) {
            declared.setDescription(declared.getDescription() == null || declared.getDescription().isBlank()
                    ? description : declared.getDescription() + " Also: " + lowerFirst(description));
        }
        if (headers != null) {
            headers.forEach((name, header) -> {
                if (declared.getHeaders() == null || !declared.getHeaders().containsKey(name)) {
                    declared.addHeaderObject(name, header);
                }
            });
        }
    }

    private static String lowerFirst(String text) {
        return text.startsWith("`") ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static Content errorContent(boolean neutron) {
        return neutron
                ? new Content().addMediaType("application/json", new MediaType().schema(ref(NEUTRON_ERROR)))
                : new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref(PROBLEM)));
    }

    static Schema<?> ref(String schema) {
        return new Schema<>().$ref("#/components/schemas/" + schema);
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> ordered.addApiResponse(e.getKey(), e.getValue()));
        ordered.setExtensions(responses.getExtensions());
        return ordered;
    }

    private static Map<String, Header> wwwAuthenticate() {
        return Map.of("WWW-Authenticate", new Header()
                .description("Where to get a token: `Keystone uri=\"<identity service URL>\"`")
                .schema(ErrorSchemas.string("Keystone uri=\"http://127.0.0.1:5000/v3\"")));
    }

    private static Map<String, Header> retryAfter() {
        return Map.of("Retry-After", new Header()
                .description("Seconds to wait before trying again")
                .schema(ErrorSchemas.integer(1)));
    }

    /** A group's document: its own title and a first paragraph saying which API it is. */
    static void retitle(OpenAPI api, String name, String about) {
        Info info = api.getInfo();
        api.setInfo(new Info().title("DIMINET " + name).version(info.getVersion()).summary(info.getSummary())
                .license(info.getLicense()).contact(info.getContact())
                .description(about + "\n\n" + info.getDescription()));
    }
}
