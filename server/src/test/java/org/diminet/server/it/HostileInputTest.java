package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile requests against two sites over HTTP: malformed and absurd bodies, wrong types,
 * missing and duplicated fields, control characters and invalid UTF-8, odd content types, ids and
 * paths (encoded NUL, slash and backslash), odd methods, to the North, East-West and embedded
 * Neutron APIs. Every request carries at least one defect that makes it invalid, so none may change
 * anything. For each answer: never a 5xx; an error body in the API's own shape (problem details, or
 * Neutron's {@code NeutronError}) that names no Java class, exception or stack frame; and after each
 * property, every site's services and networks are as they were.
 */
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** What an error body must never show: Java packages, exception names, stack frames. */
    private static final Pattern LEAK = Pattern.compile(
            "(java|javax|jakarta|sun|org\\.springframework|org\\.apache|com\\.fasterxml|org\\.diminet|inet\\.ipaddr)\\.[a-z]"
                    + "|[A-Za-z]+Exception\\b|\\tat |<html", Pattern.CASE_INSENSITIVE);

    private static MultiSiteCluster cluster;
    private static String ADMIN_TOKEN;
    private static String PEER_TOKEN;
    private static String networkOne;
    private static String networkTwo;
    private static Map<String, String> before;
    private static int sent;

    record Request(String method, String path, String contentType, byte[] body) {
        @Override
        public String toString() {
            return method + " " + path + " [" + contentType + "] " + new String(body, StandardCharsets.UTF_8)
                    .substring(0, Math.min(body.length, 300));
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        cluster = MultiSiteCluster.start(2);
        ADMIN_TOKEN = cluster.identity().tokenFor(org.diminet.server.launcher.LocalIdentity.ADMIN);
        PEER_TOKEN = cluster.identity().tokenFor("diminet-RegionOne");
        networkOne = cluster.site(0).createNetwork("fuzz-1", "10.77.1.0/24");
        networkTwo = cluster.site(1).createNetwork("fuzz-2", "10.77.2.0/24");
        before = state();
    }

    @AfterContainer
    static void stop() {
        System.out.println("hostile input: " + sent + " generated requests sent, none changed anything");
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterProperty
    void nothingChanged() throws Exception {
        assertThat(state()).as("services and networks at every site").isEqualTo(before);
    }

    @Property(tries = 4000)
    void northRequests(@ForAll("north") Request request) throws Exception {
        check(0, request);
    }

    @Property(tries = 4000)
    void eastWestRequests(@ForAll("eastWest") Request request) throws Exception {
        check(1, request);
    }

    @Property(tries = 2500)
    void neutronRequests(@ForAll("neutron") Request request) throws Exception {
        check(1, request);
    }

    // --- checking one answer -------------------------------------------------------------------

    private static void check(int site, Request request) throws Exception {
        sent++;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(cluster.site(site).url + request.path()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        // Authenticated, so that the defects reach the parsers and checks behind the authentication:
        // users' APIs as the admin, the East-West API as the valid peer RegionOne.
        if (request.path().startsWith("/api/intersite-horizontal")) {
            builder.header("X-Auth-Token", PEER_TOKEN).header("X-DIMINET-Region", "RegionOne");
        } else {
            builder.header("X-Auth-Token", ADMIN_TOKEN);
        }
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body() == null ? "" : response.body();
        assertThat(response.statusCode()).as("status of %s: %s", request, body).isLessThan(500);
        // Every generated request carries a defect: none may be taken. (A peer's delete of a part that is
        // not there succeeds by design, so that retries finish: it changes nothing either.)
        boolean idempotentDelete = request.method().equals("DELETE") && request.path().startsWith("/api/intersite-horizontal/");
        if (!idempotentDelete) {
            assertThat(response.statusCode()).as("refused: %s: %s", request, body).isGreaterThanOrEqualTo(400);
        }
        if (response.statusCode() < 400) {
            return;
        }
        assertThat(body).as("error body of %s", request).doesNotContainPattern(LEAK);
        JsonNode json = JSON.readTree(body.isEmpty() ? "{}" : body);
        if (request.path().startsWith("/neutron/")) {
            assertThat(json.path("NeutronError").path("type").asText()).as("Neutron's error shape for %s: %s", request, body)
                    .isNotEmpty();
        } else {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as("%s: %s", request, body)
                    .startsWith("application/problem+json");
            assertThat(json.path("status").asInt()).as("%s: %s", request, body).isEqualTo(response.statusCode());
            assertThat(json.path("detail").asText()).as("%s: %s", request, body).isNotBlank();
        }
    }

    /** Every site's services and networks, as text. */
    private static Map<String, String> state() throws Exception {
        Map<String, String> state = new java.util.TreeMap<>();
        for (int i = 0; i < 2; i++) {
            SiteClient site = cluster.site(i);
            state.put("services@" + i, String.valueOf(site.list().body()));
            state.put("networks@" + i, String.valueOf(site.networks().stream().map(n -> n.path("id").asText()).sorted().toList()));
        }
        return state;
    }

    // --- generators ----------------------------------------------------------------------------

    @Provide
    Arbitrary<Request> north() {
        Arbitrary<Request> create = Combinators.combine(createBodies(), contentTypes())
                .as((body, type) -> new Request("POST", "/api/intersite-vertical", type, body));
        Arbitrary<Request> change = Combinators.combine(badIds(), createBodies(), contentTypes())
                .as((id, body, type) -> new Request("PUT", "/api/intersite-vertical/" + id, type, body));
        Arbitrary<Request> other = Combinators.combine(Arbitraries.of("GET", "DELETE", "POST", "PATCH", "TRACE", "PUT"),
                        badIds(), Arbitraries.of("", "/pools", "/pools/x", "/..", "%2F..%2Fpools"))
                .as((method, id, tail) -> new Request(method, "/api/intersite-vertical/" + id + tail, "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, create), net.jqwik.api.Tuple.of(2, change),
                net.jqwik.api.Tuple.of(2, other));
    }

    @Provide
    Arbitrary<Request> eastWest() {
        Arbitrary<Request> create = Combinators.combine(partBodies(), contentTypes())
                .as((body, type) -> new Request("POST", "/api/intersite-horizontal", type, body));
        Arbitrary<Request> update = Combinators.combine(badIds(), junkBodies())
                .as((id, body) -> new Request("PUT", "/api/intersite-horizontal/" + id, "application/json", body));
        Arbitrary<Request> delete = Combinators.combine(badIds(), Arbitraries.of("", "?abandoned_operation=x",
                        "?abandoned_operation=", "?abandoned_operation=%00"))
                .as((id, query) -> new Request("DELETE", "/api/intersite-horizontal/" + id + query, null, new byte[0]));
        Arbitrary<Request> pools = Combinators.combine(Arbitraries.of(UUID.randomUUID().toString(), "x", "%00"),
                        Arbitraries.of("{}", "{\"region\": null}", "{\"region\": 5, \"request\": []}", "\"x\"", "[]",
                                "{\"region\": \"RegionTwo\"}", "{\"region\": \"RegionTwo\", \"request\": \"k\"}"))
                .as((id, body) -> new Request("POST", "/api/intersite-horizontal/" + id + "/pools", "application/json",
                        body.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Request> reads = Arbitraries.oneOf(
                absurdCidrs().map(c -> new Request("GET", "/api/intersite-horizontal/cidr-availability?cidr="
                        + java.net.URLEncoder.encode(c, StandardCharsets.UTF_8), null, new byte[0])),
                badIds().map(id -> new Request("GET", "/api/intersite-horizontal/networks/" + id + "/cidrs", null, new byte[0])),
                badIds().map(id -> new Request("GET", "/api/intersite-horizontal/" + id + "/sites/" + id, null, new byte[0])));
        return Arbitraries.oneOf(create, update, delete, pools, reads);
    }

    @Provide
    Arbitrary<Request> neutron() {
        Arbitrary<Request> networks = Arbitraries.of("", "{}", "[]", "{\"network\": \"x\"}", "{\"network\": 5}",
                        "{\"network\": [1]}", "{\"networks\": 7}", "null", "{\"network\": {\"admin_state_up\": \"maybe\"}}")
                .map(b -> new Request("POST", "/neutron/v2.0/networks", "application/json", b.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Request> subnets = Combinators.combine(absurdCidrs(), Arbitraries.of(UUID.randomUUID().toString(), "x", ""),
                        Arbitraries.of("4", "6", "99", "\"four\"", "null"))
                .as((cidr, network, version) -> new Request("POST", "/neutron/v2.0/subnets", "application/json",
                        ("{\"subnet\": {\"network_id\": \"" + network + "\", \"cidr\": " + quote(cidr) + ", \"ip_version\": "
                                + version + "}}").getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Request> ports = Arbitraries.of("{\"port\": {\"network_id\": \"" + UUID.randomUUID() + "\"}}",
                        "{\"port\": {}}", "{\"port\": {\"network_id\": 5}}", "{\"port\": []}")
                .map(b -> new Request("POST", "/neutron/v2.0/ports", "application/json", b.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Request> reads = Combinators.combine(Arbitraries.of("networks", "subnets", "ports"), badIds(),
                        Arbitraries.of("GET", "DELETE", "PUT"))
                .as((kind, id, method) -> new Request(method, "/neutron/v2.0/" + kind + "/" + id, "application/json",
                        "{\"x\": ".getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.oneOf(networks, subnets, ports, reads);
    }

    /** A North create body with one to three defects, each enough to make it invalid. */
    private Arbitrary<byte[]> createBodies() {
        Arbitrary<byte[]> mutated = Arbitraries.of(NorthDefect.values()).list().ofMinSize(1).ofMaxSize(3)
                .map(defects -> {
                    Map<String, Object> body = new java.util.LinkedHashMap<>();
                    body.put("name", "fuzz");
                    body.put("type", "L3");
                    List<Object> resources = new ArrayList<>();
                    resources.add(new java.util.LinkedHashMap<>(Map.of("region", "RegionOne", "network", networkOne)));
                    resources.add(new java.util.LinkedHashMap<>(Map.of("region", "RegionTwo", "network", networkTwo)));
                    body.put("resources", resources);
                    defects.forEach(d -> d.apply(body));
                    return write(body);
                });
        return Arbitraries.oneOf(mutated, junkBodies());
    }

    /** An East-West create body with one to three defects. */
    private Arbitrary<byte[]> partBodies() {
        return Arbitraries.of(PartDefect.values()).list().ofMinSize(1).ofMaxSize(3).map(defects -> {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("operation", UUID.randomUUID().toString());
            body.put("id", UUID.randomUUID().toString());
            body.put("name", "fuzz");
            body.put("type", "L2");
            body.put("project", "default");
            body.put("master", "RegionOne");
            List<Object> resources = new ArrayList<>();
            resources.add(new java.util.LinkedHashMap<>(Map.of("region", "RegionOne", "network", networkOne)));
            resources.add(new java.util.LinkedHashMap<>(Map.of("region", "RegionTwo")));
            body.put("resources", resources);
            body.put("l2", new java.util.LinkedHashMap<>(Map.of("cidr", "10.99.0.0/24", "gateway_ip", "10.99.0.1",
                    "pools", List.of(Map.of("start", "10.99.0.10", "end", "10.99.0.20")))));
            defects.forEach(d -> d.apply(body));
            return write(body);
        });
    }

    /** Defects that each make a North create invalid. */
    enum NorthDefect {
        NO_NAME(b -> b.remove("name")), BLANK_NAME(b -> b.put("name", "  ")), LONG_NAME(b -> b.put("name", "n".repeat(300))),
        NAME_NOT_TEXT(b -> b.put("name", Map.of("a", 1))), NO_TYPE(b -> b.remove("type")), BAD_TYPE(b -> b.put("type", "L4")),
        TYPE_NUMBER(b -> b.put("type", 7)), NO_RESOURCES(b -> b.remove("resources")), ONE_RESOURCE(b -> resources(b).remove(1)),
        RESOURCES_TEXT(b -> b.put("resources", "RegionOne")), RESOURCE_NUMBERS(b -> b.put("resources", List.of(1, 2))),
        DUPLICATE_REGION(b -> resource(b, 1).put("region", "RegionOne")), UNKNOWN_REGION(b -> resource(b, 1).put("region", "Atlantis")),
        REGION_NULL(b -> resource(b, 1).put("region", null)), REGION_CONTROL(b -> resource(b, 1).put("region", "Region\u0000Two")),
        NETWORK_NOT_UUID(b -> resource(b, 0).put("network", "../../etc")), NETWORK_NUMBER(b -> resource(b, 0).put("network", 5)),
        NETWORK_UNKNOWN(b -> resource(b, 0).put("network", UUID.randomUUID().toString())),
        NO_LOCAL(b -> resource(b, 0).put("region", "RegionThree")), L3_WITHOUT_NETWORK(b -> resource(b, 1).remove("network")),
        LEGACY_GARBAGE(b -> {
            b.remove("resources");
            b.put("subresources", List.of("RegionOne,", ",", "RegionTwo,not-a-uuid"));
        }),
        HUGE_LIST(b -> {
            List<Object> many = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                many.add(Map.of("region", "Region" + i, "network", UUID.randomUUID().toString()));
            }
            b.put("resources", many);
        });

        private final java.util.function.Consumer<Map<String, Object>> defect;

        NorthDefect(java.util.function.Consumer<Map<String, Object>> defect) {
            this.defect = defect;
        }

        void apply(Map<String, Object> body) {
            try {
                defect.accept(body);
            } catch (RuntimeException alreadyGone) {
                body.put("type", "L4"); // the defect's target was removed by an earlier one: stay invalid anyway
            }
        }
    }

    /** Defects that each make an East-West create invalid. */
    enum PartDefect {
        NO_OPERATION(b -> b.remove("operation")), BAD_OPERATION(b -> b.put("operation", "op")), NO_ID(b -> b.remove("id")),
        BAD_ID(b -> b.put("id", "%00")), NO_MASTER(b -> b.remove("master")), MASTER_IS_SELF(b -> b.put("master", "RegionTwo")),
        NO_TYPE(b -> b.remove("type")), BAD_TYPE(b -> b.put("type", "L7")), NO_RESOURCES(b -> b.remove("resources")),
        NOT_HERE(b -> resources(b).remove(1)), NO_L2(b -> b.remove("l2")), NO_CIDR(b -> l2(b).remove("cidr")),
        ABSURD_PREFIX(b -> l2(b).put("cidr", "10.99.0.0/999999999999")), CIDR_NUL(b -> l2(b).put("cidr", "10.99.0.0/24\u0000")),
        CIDR_TEXT(b -> l2(b).put("cidr", "everything")), POOL_GARBAGE(b -> l2(b).put("pools", List.of(Map.of("start", "a")))),
        POOLS_TEXT(b -> l2(b).put("pools", "all")), GATEWAY_GARBAGE(b -> l2(b).put("gateway_ip", "8.8.8.8.8"));

        private final java.util.function.Consumer<Map<String, Object>> defect;

        PartDefect(java.util.function.Consumer<Map<String, Object>> defect) {
            this.defect = defect;
        }

        void apply(Map<String, Object> body) {
            try {
                defect.accept(body);
            } catch (RuntimeException alreadyGone) {
                body.put("type", "L7");
            }
        }
    }

    /** Bodies that are not JSON objects at all, or not valid text. */
    private static Arbitrary<byte[]> junkBodies() {
        Arbitrary<byte[]> fixed = Arbitraries.of("", "null", "[]", "\"text\"", "{", "{\"a\": }", "[".repeat(5000),
                        "{\"name\": \"\\ud800\"}", "\u0000\u0001", "{\"resources\": [null]}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> invalidUtf8 = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64)
                .map(bytes -> {
                    byte[] withBad = java.util.Arrays.copyOf(bytes, bytes.length + 2);
                    withBad[bytes.length] = (byte) 0xC3;
                    withBad[bytes.length + 1] = (byte) 0x28;
                    return withBad;
                });
        return Arbitraries.oneOf(fixed, invalidUtf8);
    }

    private static Arbitrary<String> badIds() {
        return Arbitraries.oneOf(
                Arbitraries.of("x", "..", "%00", "%2F", "%5C", "%252F", "null", "0", "-1", "a%20b",
                        "00000000-0000-0000-0000-00000000000G", "x".repeat(3000)),
                Arbitraries.create(() -> UUID.randomUUID().toString()),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40));
    }

    private static Arbitrary<String> absurdCidrs() {
        return Arbitraries.oneOf(
                Arbitraries.of("10.0.0.0/999999999999", "10.0.0.0/33", "10.0.0.0/-1", "::/129", "10.0.0.0/24\u0000",
                        "10/8", "*.*.*.*/8", "1.2.3.4-1.2.3.9/24", "", " ", "10.0.0.0/", "/24", "fe80::1%eth0/64",
                        "10.0.0.0/24/24", "0x0a.0.0.0/8"),
                Arbitraries.strings().ofMaxLength(30));
    }

    private static Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json", "application/json", "*/*", "text/plain",
                "application/json; charset=ebcdic", "application/xml", "multipart/form-data; boundary=x", "garbage/");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> resources(Map<String, Object> body) {
        return (List<Object>) body.get("resources");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resource(Map<String, Object> body, int index) {
        return (Map<String, Object>) resources(body).get(index);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> l2(Map<String, Object> body) {
        return (Map<String, Object>) body.get("l2");
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
