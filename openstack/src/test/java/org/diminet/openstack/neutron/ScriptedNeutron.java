package org.diminet.openstack.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.diminet.core.domain.Region;
import org.diminet.openstack.http.HttpSupport;
import org.diminet.openstack.keystone.TestSessions;

/**
 * A Neutron that answers what the test scripted, per method and path, and remembers every request, so a
 * test can check what an adapter sends without an OpenStack.
 */
final class ScriptedNeutron implements AutoCloseable {
    record Request(String method, String path, JsonNode body) {
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    ScriptedNeutron() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] in = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRequestMethod(), path,
                    in.length == 0 ? null : NeutronClient.JSON.readTree(in)));
            Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path, new Answer(404,
                    "{\"NeutronError\":{\"type\":\"HTTPNotFound\",\"message\":\"not scripted\",\"detail\":\"\"}}"));
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        server.start();
    }

    /** Answers {@code method path} (path under {@code /v2.0}, without the query) with this status and body. */
    ScriptedNeutron on(String method, String path, int status, String body) {
        answers.put(method + " /v2.0" + path, new Answer(status, body));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A client of this Neutron as {@code region}'s, through a session the fake Keystone always accepts. */
    NeutronClient client(Region region) {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new NeutronClient(TestSessions.withNetworkEndpoints(Map.of(region, endpoint), Duration.ofSeconds(5),
                HttpSupport.newClient(Duration.ofSeconds(2))), region, Optional.empty());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
