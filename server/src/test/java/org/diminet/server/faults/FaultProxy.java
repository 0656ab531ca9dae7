package org.diminet.server.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 in front of one HTTP/1.1 server on 127.0.0.1, through which fault tests
 * make the network misbehave on demand: partition (cut), slow, reset, black-hole, or lose exactly
 * the request or the answer of one protocol step.
 *
 * <p>Why HTTP-aware rather than a byte pipe: faults must hit whole requests ("drop the answer to the
 * DELETE of RegionTwo's part") and be counted per request. So the proxy carries exactly one request
 * per connection: it reads a request head and its body ({@code Content-Length} or chunked; the JDK
 * HttpClient that DIMINET's peers use sends {@code Content-Length}), opens a fresh upstream
 * connection, forwards the request with {@code Connection: close}, relays the answer with
 * {@code Connection: close} forced into its head too, then closes both sides. Clients therefore never
 * reuse a proxied connection, and every request goes through the faults in force when it arrives.
 * {@code Expect: 100-continue} is answered by the proxy itself; h2c upgrade headers are removed.
 *
 * <p>Every control is thread-safe and takes effect for the next request (and {@link #cut()} also for
 * requests in flight). Each connection runs on its own virtual thread. When the target does not
 * accept connections (its process is down), the client's connection is reset, as a peer would see
 * when the site itself is unreachable.
 */
public final class FaultProxy implements AutoCloseable {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final int UPSTREAM_CONNECT_TIMEOUT_MS = 2_000;

    private final String name;
    private final int targetPort;
    private final ServerSocket listener;
    private final RequestLog log = new RequestLog();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private volatile Fault fault = Fault.PASS;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean closed;

    /** An action registered with {@link #onRequest}; closing it unregisters it. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private FaultProxy(String name, int targetPort) throws IOException {
        this.name = name;
        this.targetPort = targetPort;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(LOOPBACK, 0), 256);
        Thread.ofVirtual().name("fault-proxy-" + name + "-accept").start(this::acceptLoop);
    }

    /** Starts a proxy on an ephemeral loopback port forwarding to 127.0.0.1:{@code targetPort}. */
    public static FaultProxy start(String name, int targetPort) {
        try {
            return new FaultProxy(name, targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a proxy listener", e);
        }
    }

    public static FaultProxy start(int targetPort) {
        return start("to-" + targetPort, targetPort);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int targetPort() {
        return targetPort;
    }

    // --- faults on every connection ---

    /** Forward everything (the proxy's delay and rules still apply). */
    public FaultProxy pass() {
        fault = Fault.PASS;
        return this;
    }

    /** Partition, failing fast: see {@link Fault#CUT}. Connections in flight are reset too. */
    public FaultProxy cut() {
        fault = Fault.CUT;
        open.forEach(Sockets::reset);
        return this;
    }

    /** See {@link Fault#RESET}. */
    public FaultProxy reset() {
        fault = Fault.RESET;
        return this;
    }

    /** See {@link Fault#BLACKHOLE}. */
    public FaultProxy blackhole() {
        fault = Fault.BLACKHOLE;
        return this;
    }

    /** Back to a healthy network: {@link Fault#PASS}, no delay, and pending rules forgotten (hooks stay). */
    public FaultProxy heal() {
        rules.clear();
        delay = Duration.ZERO;
        fault = Fault.PASS;
        return this;
    }

    public Fault fault() {
        return fault;
    }

    /** Waits this long before forwarding each request (after reading it whole); zero for none. */
    public FaultProxy delay(Duration delay) {
        this.delay = Objects.requireNonNull(delay);
        return this;
    }

    // --- counted rules for particular requests (first registered, first used) ---

    /** The next {@code times} matching requests are read and swallowed, then the client is reset: never executed. */
    public FaultProxy dropRequest(RequestMatcher matcher, int times) {
        rules.add(new Rule(matcher, Rule.Action.DROP_REQUEST, times));
        return this;
    }

    /** The next {@code times} matching requests are executed by the target, but the client gets a reset, not the answer. */
    public FaultProxy dropResponse(RequestMatcher matcher, int times) {
        rules.add(new Rule(matcher, Rule.Action.DROP_RESPONSE, times));
        return this;
    }

    /** The next {@code times} matching requests get a reset right after their head; never executed. */
    public FaultProxy resetBefore(RequestMatcher matcher, int times) {
        rules.add(new Rule(matcher, Rule.Action.RESET_BEFORE, times));
        return this;
    }

    public FaultProxy clearRules() {
        rules.clear();
        return this;
    }

    /** Rules not used up yet, for failure messages. */
    public List<String> pendingRules() {
        return rules.stream().filter(r -> !r.usedUp()).map(Rule::toString).toList();
    }

    // --- observation ---

    /** Requests seen so far (heads read, whatever happened next) that match. */
    public int count(RequestMatcher matcher) {
        return log.count(matcher);
    }

    public List<SeenRequest> seen() {
        return log.all();
    }

    /** Forgets the requests seen so far (counts restart at zero). */
    public void clearSeen() {
        log.clear();
    }

    /** TCP connections accepted so far, including those reset by {@link #cut()}. */
    public long acceptedConnections() {
        return accepted.get();
    }

    /**
     * Blocks until a matching request has been seen (now or earlier; {@link #clearSeen()} first to wait
     * for a new one). Throws AssertionError on timeout.
     */
    public SeenRequest awaitRequest(RequestMatcher matcher, Duration timeout) {
        return awaitRequests(matcher, 1, timeout);
    }

    /** Blocks until {@code count} matching requests have been seen in all. */
    public SeenRequest awaitRequests(RequestMatcher matcher, int count, Duration timeout) {
        try {
            return log.await(matcher, count, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + matcher, e);
        }
    }

    /**
     * Runs {@code action} on the connection's thread each time a matching request arrives, after its
     * head is read and before anything is forwarded: the target has not seen the request yet when the
     * action runs, and it will only after the action returns (e.g. SIGKILL the sending site here and
     * the request still reaches the target; SIGKILL the target and it never does).
     */
    public Registration onRequest(RequestMatcher matcher, Runnable action) {
        return log.addHook(matcher, action, false);
    }

    /** As {@link #onRequest}, for the first matching request only. */
    public Registration onNextRequest(RequestMatcher matcher, Runnable action) {
        return log.addHook(matcher, action, true);
    }

    // --- for ProxiedConnection ---

    RequestLog log() {
        return log;
    }

    Duration currentDelay() {
        return delay;
    }

    Optional<Rule.Action> claimRule(String method, String target) {
        for (Rule rule : rules) {
            if (rule.claim(method, target)) {
                if (rule.usedUp()) {
                    rules.remove(rule);
                }
                return Optional.of(rule.action);
            }
        }
        return Optional.empty();
    }

    /** Tracks a socket so that cut() and close() can reset it; false when the proxy is already closed. */
    boolean track(Socket socket) {
        open.add(socket);
        if (closed) {
            Sockets.reset(socket);
            return false;
        }
        return true;
    }

    void untrack(Socket socket) {
        open.remove(socket);
    }

    Socket connectUpstream() throws IOException {
        Socket upstream = new Socket();
        track(upstream);
        upstream.setTcpNoDelay(true);
        upstream.connect(new InetSocketAddress(LOOPBACK, targetPort), UPSTREAM_CONNECT_TIMEOUT_MS);
        return upstream;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println(this + ": accept failed: " + e);
                }
                return;
            }
            accepted.incrementAndGet();
            if (fault == Fault.CUT) {
                Sockets.reset(client);
                continue;
            }
            if (track(client)) {
                Thread.ofVirtual().name("fault-proxy-" + name + "-conn").start(new ProxiedConnection(this, client));
            }
        }
    }

    /** Stops listening and resets every open connection. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(Sockets::reset);
        open.clear();
    }

    @Override
    public String toString() {
        return "FaultProxy[" + name + " :" + port() + " -> :" + targetPort + ", " + fault
                + (delay.isZero() ? "" : ", delay " + delay.toMillis() + " ms") + "]";
    }
}
