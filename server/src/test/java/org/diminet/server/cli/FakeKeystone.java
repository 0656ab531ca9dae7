package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A Keystone that knows one user ({@code alice}, password {@code secret}, project {@code project-a})
 * and a catalog with DIMINET ({@code intersite}) in the given regions, as a real one beside OpenStack
 * has. The token it hands out is {@code token}, one the DIMINET sites accept.
 */
final class FakeKeystone implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final String token;
    private final Map<String, String> diminetByRegion;

    FakeKeystone(String token, Map<String, String> diminetByRegion) throws IOException {
        this.token = token;
        this.diminetByRegion = diminetByRegion;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v3/auth/tokens", this::tokens);
        server.start();
    }

    String authUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
    }

    private void tokens(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("POST")) {
                JsonNode auth = JSON.readTree(exchange.getRequestBody()).path("auth");
                JsonNode user = auth.path("identity").path("password").path("user");
                boolean valid = user.path("name").asText().equals("alice") && user.path("password").asText().equals("secret")
                        && user.path("domain").path("name").asText().equals("Default")
                        && auth.path("scope").path("project").path("name").asText().equals("project-a");
                answer(exchange, valid ? 201 : 401, valid ? tokenBody() : error());
            } else if (exchange.getRequestMethod().equals("GET")) {
                boolean valid = token.equals(exchange.getRequestHeaders().getFirst("X-Auth-Token"))
                        && token.equals(exchange.getRequestHeaders().getFirst("X-Subject-Token"));
                answer(exchange, valid ? 200 : 404, valid ? tokenBody() : error());
            } else {
                answer(exchange, 405, error());
            }
        }
    }

    private void answer(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (status / 100 == 2) {
            exchange.getResponseHeaders().add("X-Subject-Token", token);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private ObjectNode tokenBody() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode catalog = body.putObject("token").putArray("catalog");
        ObjectNode identity = catalog.addObject().put("type", "identity").put("name", "keystone");
        identity.putArray("endpoints").addObject().put("interface", "public").put("region_id", "RegionOne")
                .put("region", "RegionOne").put("url", authUrl());
        ObjectNode diminet = catalog.addObject().put("type", "intersite").put("name", "diminet");
        ArrayNode endpoints = diminet.putArray("endpoints");
        diminetByRegion.forEach((region, url) -> {
            endpoints.addObject().put("interface", "public").put("region_id", region).put("region", region).put("url", url);
            endpoints.addObject().put("interface", "internal").put("region_id", region).put("region", region)
                    .put("url", "http://127.0.0.1:1");
        });
        return body;
    }

    private static ObjectNode error() {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", 401).put("message", "The request you have made requires authentication.");
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
