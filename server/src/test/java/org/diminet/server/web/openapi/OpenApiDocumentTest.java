package org.diminet.server.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.diminet.server.launcher.LocalIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OpenAPI documents a started site serves, as a client author gets them: open to anyone, titled and
 * versioned, every operation with an id, a summary, a described tag, its security and its error responses
 * in the API's error shape, every schema property described with an example, and one document per API.
 * The documents are written to {@code target/openapi/} for {@code .ci/openapi-lint} (Redocly).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    private static final LocalIdentity IDENTITY = LocalIdentity.generate(List.of("RegionOne", "RegionTwo"));
    /** The documents: the whole one ("all") and one per group. */
    private static final List<String> DOCUMENTS = List.of("all", "north", "east-west", "neutron");
    private static final Path OUT = Path.of("target", "openapi");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        IDENTITY.settings().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("diminet.region", () -> "RegionOne");
        registry.add("diminet.data-dir", () -> dataDir.toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:openapi-test;DB_CLOSE_DELAY=-1");
    }

    @LocalServerPort
    int port;

    @Autowired
    BuildProperties build;

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();

    // ---------------------------------------------------------------------------------------------

    @Test
    void theDocumentsAndTheUiAreOpenToAnyoneAndWrittenForTheLinter() throws IOException {
        Files.createDirectories(OUT);
        for (String name : DOCUMENTS) {
            JsonNode document = document(name);
            Files.writeString(OUT.resolve(name + ".json"), document.toPrettyString());
        }
        Answer yaml = get("/api/openapi.yaml/east-west", null);
        assertThat(yaml.status()).as("the YAML form without a token").isEqualTo(200);
        assertThat(yaml.body()).contains("title: DIMINET East-West API");
        Answer ui = get("/api/ui", null);
        assertThat(ui.status()).as("Swagger UI without a token").isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        Answer config = get("/api/openapi/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(JSON.readTree(config.body()).findValuesAsText("url"))
                .contains("/api/openapi/north", "/api/openapi/east-west", "/api/openapi/neutron");
    }

    @Test
    void infoHasTheRealTitleVersionAndDescription() {
        JsonNode info = document("all").get("info");
        assertThat(info.get("title").asText()).isEqualTo("DIMINET API");
        assertThat(info.get("version").asText()).isEqualTo(build.getVersion()).isNotEqualTo("v0");
        assertThat(info.get("description").asText()).contains("problem details", "X-Auth-Token", "X-DIMINET-Region");
        assertThat(document("north").at("/info/title").asText()).isEqualTo("DIMINET North API");
        assertThat(document("east-west").at("/info/title").asText()).isEqualTo("DIMINET East-West API");
        assertThat(document("neutron").at("/info/version").asText()).isEqualTo(build.getVersion());
    }

    @Test
    void eachApiIsAGroupOfItsOwn() {
        Set<String> all = fieldNames(document("all").get("paths"));
        Set<String> north = fieldNames(document("north").get("paths"));
        Set<String> eastWest = fieldNames(document("east-west").get("paths"));
        Set<String> neutron = fieldNames(document("neutron").get("paths"));
        assertThat(north).contains("/api/intersite-vertical", "/api/intersite-vertical/{global_id}", "/api/region",
                "/api/health", "/v3/auth/tokens").noneMatch(p -> p.startsWith("/api/intersite-horizontal"));
        assertThat(eastWest).isNotEmpty().allMatch(p -> p.startsWith("/api/intersite-horizontal"));
        assertThat(neutron).contains("/neutron/v2.0/networks").allMatch(p -> p.startsWith("/neutron"));
        Set<String> union = new HashSet<>(north);
        union.addAll(eastWest);
        union.addAll(neutron);
        assertThat(union).isEqualTo(all);
        assertThat(all).noneMatch(p -> p.endsWith("/")).doesNotContain("/neutron/**");
    }

    @Test
    void everyOperationHasAnIdASummaryADescribedTagAndItsErrors() {
        JsonNode all = document("all");
        Set<String> tags = new HashSet<>();
        all.get("tags").forEach(tag -> {
            assertThat(tag.path("description").asText()).as("tag %s", tag).isNotBlank();
            tags.add(tag.get("name").asText());
        });
        Set<String> ids = new HashSet<>();
        List<String> operations = new ArrayList<>();
        forEachOperation(all, (path, method, op) -> {
            String name = method.toUpperCase() + " " + path;
            operations.add(name);
            assertThat(ids.add(op.path("operationId").asText())).as("%s: unique operationId", name).isTrue();
            assertThat(op.path("operationId").asText()).as(name).matches("[a-z][A-Za-z]+");
            assertThat(op.path("summary").asText()).as("%s: summary", name).isNotBlank();
            assertThat(op.path("tags")).as("%s: tags", name).hasSize(1);
            assertThat(tags).as("%s: its tag is described", name).contains(op.at("/tags/0").asText());
            JsonNode responses = op.get("responses");
            assertThat(fieldNames(responses)).as("%s: a success", name).anyMatch(code -> code.startsWith("2"));
            assertThat(fieldNames(responses)).as("%s: a client error", name).anyMatch(code -> code.startsWith("4"));
            responses.fields().forEachRemaining(response -> {
                String code = response.getKey();
                assertThat(response.getValue().path("description").asText()).as("%s %s", name, code).isNotBlank();
                if (name.equals("GET /api/health") && code.equals("503")) {
                    // Not an error body: the health report, its store DOWN.
                    assertThat(response.getValue().at("/content/application~1json/schema/$ref").asText())
                            .isEqualTo("#/components/schemas/Health");
                } else if (code.startsWith("4") || code.startsWith("5")) {
                    JsonNode content = response.getValue().get("content");
                    assertThat(content).as("%s %s: an error body", name, code).isNotNull();
                    String expected = path.startsWith("/neutron") ? "application/json"
                            : path.startsWith("/v3/") && content.has("application/json") ? "application/json"
                            : "application/problem+json";
                    assertThat(content.has(expected)).as("%s %s: %s in %s", name, code, expected, content).isTrue();
                    String schema = content.get(expected).at("/schema/$ref").asText();
                    assertThat(schema).as("%s %s", name, code).isEqualTo(switch (expected) {
                        case "application/problem+json" -> "#/components/schemas/Problem";
                        default -> path.startsWith("/neutron") ? "#/components/schemas/NeutronError"
                                : "#/components/schemas/KeystoneError";
                    });
                }
            });
        });
        assertThat(operations).hasSizeGreaterThanOrEqualTo(33);
    }

    @Test
    void theDiminetApisAnswerErrorsAsProblemDetails() {
        forEachOperation(document("all"), (path, method, op) -> {
            if (path.startsWith("/api/")) {
                op.get("responses").fields().forEachRemaining(response -> {
                    boolean healthReport = path.equals("/api/health") && response.getKey().equals("503");
                    if (!healthReport && (response.getKey().startsWith("4") || response.getKey().startsWith("5"))) {
                        assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                                .as("%s %s %s", method, path, response.getKey()).isEqualTo("#/components/schemas/Problem");
                    }
                });
            }
        });
        JsonNode problem = document("all").at("/components/schemas/Problem/properties");
        assertThat(fieldNames(problem)).contains("type", "title", "status", "detail", "instance", "problem", "region", "field");
    }

    @Test
    void everySchemaPropertyIsDescribedWithAnExample() {
        for (String name : DOCUMENTS) {
            JsonNode schemas = document(name).at("/components/schemas");
            List<String> missing = new ArrayList<>();
            schemas.fields().forEachRemaining(schema -> checkProperties(schema.getKey(), schema.getValue(), missing));
            assertThat(missing).as("%s: properties without a description or an example", name).isEmpty();
        }
    }

    @Test
    void securitySchemesAndWhoMayCallWhat() {
        JsonNode all = document("all");
        JsonNode schemes = all.at("/components/securitySchemes");
        assertThat(schemes.at("/keystoneToken/type").asText()).isEqualTo("apiKey");
        assertThat(schemes.at("/keystoneToken/in").asText()).isEqualTo("header");
        assertThat(schemes.at("/keystoneToken/name").asText()).isEqualTo("X-Auth-Token");
        assertThat(schemes.at("/serviceToken/name").asText()).isEqualTo("X-Auth-Token");
        assertThat(schemes.at("/peerRegion/name").asText()).isEqualTo("X-DIMINET-Region");
        assertThat(schemes.at("/mutualTLS/type").asText()).isEqualTo("mutualTLS");
        schemes.forEach(scheme -> assertThat(scheme.path("description").asText()).isNotBlank());
        forEachOperation(all, (path, method, op) -> {
            String security = op.get("security").toString();
            String name = method.toUpperCase() + " " + path;
            if (path.startsWith("/api/intersite-horizontal")) {
                assertThat(security).as(name).isEqualTo("[{\"serviceToken\":[],\"peerRegion\":[]},{\"mutualTLS\":[]}]");
            } else if (Set.of("/api/region", "/api/health", "/neutron").contains(path)
                    || name.equals("POST /v3/auth/tokens")) {
                assertThat(security).as(name).isEqualTo("[]");
            } else {
                assertThat(security).as(name).isEqualTo("[{\"keystoneToken\":[]}]");
                assertThat(op.at("/responses/401")).as(name).isNotNull();
            }
        });
    }

    @Test
    void answersHaveTheDocumentedFieldNames() throws IOException {
        JsonNode schemas = document("all").at("/components/schemas");
        JsonNode health = JSON.readTree(get("/api/health", null).body());
        assertThat(fieldNames(schemas.at("/Health/properties"))).containsAll(fieldNames(health));
        assertThat(fieldNames(schemas.at("/Store/properties"))).containsAll(fieldNames(health.get("store")));
        Answer refused = get("/api/intersite-vertical", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(fieldNames(schemas.at("/Problem/properties"))).containsAll(fieldNames(JSON.readTree(refused.body())));
        Answer invalid = get("/api/intersite-vertical/not-a-uuid", IDENTITY.tokenFor(LocalIdentity.ALICE));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fieldNames(schemas.at("/Problem/properties"))).containsAll(fieldNames(JSON.readTree(invalid.body())));
        Answer services = get("/api/intersite-vertical", IDENTITY.tokenFor(LocalIdentity.ALICE));
        assertThat(services.status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------

    /** Every property: a description; an example unless it refers to, or is, an object described property by property. */
    private static void checkProperties(String where, JsonNode schema, List<String> missing) {
        for (JsonNode part : List.of(schema.path("allOf"), schema.path("oneOf"), schema.path("anyOf"))) {
            part.forEach(member -> checkProperties(where, member, missing));
        }
        JsonNode properties = schema.get("properties");
        if (properties == null) {
            return;
        }
        properties.fields().forEachRemaining(property -> {
            String name = where + "." + property.getKey();
            JsonNode value = property.getValue();
            if (value.path("description").asText().isBlank()) {
                missing.add(name + " (description)");
            }
            boolean described = value.has("$ref") || value.has("properties");
            if (!described && !value.has("example") && !value.has("examples")) {
                missing.add(name + " (example)");
            }
            checkProperties(name, value, missing);
        });
    }

    private interface OperationCheck {
        void check(String path, String method, JsonNode operation);
    }

    private static void forEachOperation(JsonNode document, OperationCheck check) {
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                check.check(path.getKey(), method.getKey(), method.getValue());
            }
        }));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private JsonNode document(String name) {
        return documents.computeIfAbsent(name, n -> {
            Answer answer = get(n.equals("all") ? "/api/openapi" : "/api/openapi/" + n, null);
            assertThat(answer.status()).as("GET the %s document without a token: %s", n, answer.body()).isEqualTo(200);
            try {
                return JSON.readTree(answer.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private record Answer(int status, String body) {
    }

    private Answer get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
