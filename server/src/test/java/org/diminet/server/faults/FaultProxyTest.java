package org.diminet.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each fault mode of {@link FaultProxy}, shown with a tiny JDK HTTP server and the JDK HttpClient
 * (the client DIMINET's peers use): what the client sees, and whether the server executed the request.
 */
class FaultProxyTest {
    private static final RequestMatcher HORIZONTAL_DELETE = RequestMatcher.of("DELETE", "/api/intersite-horizontal/");

    private HttpServer server;
    private FaultProxy proxy;
    private HttpClient http;
    private final AtomicInteger executed = new AtomicInteger();
    private final Set<Integer> serverSeenPorts = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::echo);
        server.start();
        proxy = FaultProxy.start("test", server.getAddress().getPort());
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.stop(0);
        http.close();
    }

    /** Answers "METHOD path body" and counts what it executed. */
    private void echo(HttpExchange exchange) throws IOException {
        executed.incrementAndGet();
        serverSeenPorts.add(exchange.getRemoteAddress().getPort());
        byte[] body = exchange.getRequestBody().readAllBytes();
        byte[] answer = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private HttpResponse<String> send(String method, String path, String body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(proxy.url() + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, Duration.ofSeconds(5));
    }

    @Test
    void passForwardsEachRequestOnAFreshConnectionAndForcesConnectionClose() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = send("POST", "/api/x?i=" + i, "{\"n\":" + i + "}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("POST /api/x?i=" + i + " {\"n\":" + i + "}");
            assertThat(response.headers().firstValue("connection")).hasValue("close");
        }
        assertThat(executed).hasValue(3);
        assertThat(serverSeenPorts).as("one upstream connection per request").hasSize(3);
        assertThat(proxy.acceptedConnections()).as("the client never reused a proxied connection").isEqualTo(3);
    }

    @Test
    void chunkedRequestBodiesAreForwardedWhole() throws Exception {
        String big = "x".repeat(100_000);
        HttpRequest request = HttpRequest.newBuilder(URI.create(proxy.url() + "/chunked"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build(); // unknown length: the JDK client sends Transfer-Encoding: chunked
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("POST /chunked " + big);
    }

    @Test
    void concurrentConnectionsStayApart() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                answers.add(pool.submit(() -> send("PUT", "/c/" + n, "body-" + n).body()));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo("PUT /c/" + i + " body-" + i);
            }
        }
        assertThat(proxy.count(RequestMatcher.of("PUT", "/c/"))).isEqualTo(40);
    }

    @Test
    void delayHoldsEachRequestBeforeForwarding() throws Exception {
        proxy.delay(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(send("GET", "/slow", null).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        proxy.heal();
        start = System.nanoTime();
        send("GET", "/fast", null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void cutFailsFastWithAConnectionErrorUntilHealed() throws Exception {
        proxy.cut();
        long start = System.nanoTime();
        assertThatThrownBy(() -> send("POST", "/api/cut", "{}"))
                .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(executed).hasValue(0);

        proxy.heal();
        assertThat(send("POST", "/api/cut", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void cutAlsoResetsRequestsInFlight() throws Exception {
        proxy.delay(Duration.ofSeconds(3));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> inFlight = pool.submit(() -> send("POST", "/api/slow", "{}"));
            proxy.awaitRequest(RequestMatcher.path("/api/slow"), Duration.ofSeconds(2));
            long start = System.nanoTime();
            proxy.cut();
            assertThatThrownBy(inFlight::get).hasCauseInstanceOf(IOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
        assertThat(executed).hasValue(0);
    }

    @Test
    void blackholeLeavesTheClientToItsTimeout() throws Exception {
        proxy.blackhole();
        assertThatThrownBy(() -> send("POST", "/api/hole", "{}", Duration.ofMillis(400)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(executed).hasValue(0);
        assertThat(proxy.count(RequestMatcher.path("/api/hole"))).isEqualTo(1);
    }

    @Test
    void resetModeResetsEveryConnectionBeforeTheTargetSeesIt() throws Exception {
        proxy.reset();
        assertThatThrownBy(() -> send("POST", "/api/r", "{}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> send("DELETE", "/api/r", null)).isInstanceOf(IOException.class);
        assertThat(executed).hasValue(0);
        assertThat(proxy.count(RequestMatcher.any())).isEqualTo(2);
    }

    @Test
    void dropResponseLetsTheTargetExecuteButTheClientNeverHearsBack() throws Exception {
        proxy.dropResponse(HORIZONTAL_DELETE, 1);

        assertThat(send("GET", "/api/intersite-horizontal/abc", null).statusCode()).as("not matched").isEqualTo(200);
        assertThatThrownBy(() -> send("DELETE", "/api/intersite-horizontal/abc", null))
                .isInstanceOf(IOException.class);
        assertThat(executed).as("the DELETE was executed").hasValue(2);
        assertThat(send("DELETE", "/api/intersite-horizontal/abc", null).statusCode()).as("rule used up")
                .isEqualTo(200);
        assertThat(proxy.pendingRules()).isEmpty();
    }

    @Test
    void dropRequestSwallowsItSoTheTargetNeverExecutesIt() throws Exception {
        proxy.dropRequest(HORIZONTAL_DELETE, 1);
        assertThatThrownBy(() -> send("DELETE", "/api/intersite-horizontal/abc", null))
                .isInstanceOf(IOException.class);
        assertThat(executed).hasValue(0);
        assertThat(send("DELETE", "/api/intersite-horizontal/abc", null).statusCode()).isEqualTo(200);
        assertThat(executed).hasValue(1);
    }

    @Test
    void resetBeforeIsCounted() throws Exception {
        proxy.resetBefore(RequestMatcher.of("POST", "/api/"), 2);
        assertThatThrownBy(() -> send("POST", "/api/1", "{}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> send("POST", "/api/2", "{}")).isInstanceOf(IOException.class);
        assertThat(send("POST", "/api/3", "{}").statusCode()).isEqualTo(200);
        assertThat(executed).hasValue(1);
    }

    @Test
    void countersAwaitAndHooksSeeRequestsBeforeTheyAreForwarded() throws Exception {
        RequestMatcher step = RequestMatcher.of("POST", "/api/intersite-horizontal");
        List<Integer> executedWhenHookRan = new ArrayList<>();
        try (FaultProxy.Registration hook = proxy.onRequest(step, () -> executedWhenHookRan.add(executed.get()))) {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<HttpResponse<String>> later = pool.submit(() -> {
                    Thread.sleep(200);
                    return send("POST", "/api/intersite-horizontal", "{}");
                });
                SeenRequest seen = proxy.awaitRequest(step, Duration.ofSeconds(3));
                assertThat(seen.method()).isEqualTo("POST");
                assertThat(later.get().statusCode()).isEqualTo(200);
            }
        }
        send("POST", "/api/intersite-horizontal", "{}"); // hook closed: not run again
        send("GET", "/api/region", null);

        assertThat(executedWhenHookRan).containsExactly(0);
        assertThat(proxy.count(step)).isEqualTo(2);
        assertThat(proxy.count(RequestMatcher.any())).isEqualTo(3);
        assertThatThrownBy(() -> proxy.awaitRequests(step, 3, Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("POST /api/intersite-horizontal");
    }

    @Test
    void aTargetThatIsDownLooksLikeAConnectionFailure() throws Exception {
        server.stop(0);
        long start = System.nanoTime();
        assertThatThrownBy(() -> send("GET", "/api/region", null)).isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    /** Not a check: prints what one proxied request costs compared with a direct one (kept-alive). */
    @Test
    void measuresOverhead() throws Exception {
        URI direct = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/m");
        URI proxied = URI.create(proxy.url() + "/m");
        int n = 200;
        for (int warm = 0; warm < 50; warm++) {
            http.send(HttpRequest.newBuilder(direct).build(), HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(proxied).build(), HttpResponse.BodyHandlers.discarding());
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            http.send(HttpRequest.newBuilder(direct).build(), HttpResponse.BodyHandlers.discarding());
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            http.send(HttpRequest.newBuilder(proxied).build(), HttpResponse.BodyHandlers.discarding());
        }
        long t2 = System.nanoTime();
        System.out.printf("FaultProxy overhead: direct %.3f ms/request, proxied %.3f ms/request%n",
                (t1 - t0) / 1e6 / n, (t2 - t1) / 1e6 / n);
    }
}
