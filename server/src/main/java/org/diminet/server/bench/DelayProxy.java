package org.diminet.server.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on loopback in front of one site, through which the other sites reach it: it adds half
 * the round trip each way, so that a request and its answer take one round trip more than on bare
 * loopback, and a new connection one more again (TCP's handshake: the first bytes a client sends on a
 * connection are held one round trip, as if they left after SYN and SYN-ACK). Bytes are relayed as they
 * come, each chunk released when its delay is over, so the delay does not cap the throughput.
 *
 * <p>Each connection runs on four virtual threads (a reader and a writer per direction). Closing the
 * proxy stops listening and closes every connection.
 */
public final class DelayProxy implements AutoCloseable {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private final String name;
    private final int targetPort;
    private final ServerSocket listener;
    private final long oneWayNanos;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    private DelayProxy(String name, int targetPort, Duration roundTrip) throws IOException {
        if (roundTrip.isNegative()) {
            throw new IllegalArgumentException("a round trip cannot be negative: " + roundTrip);
        }
        this.name = name;
        this.targetPort = targetPort;
        this.oneWayNanos = roundTrip.toNanos() / 2;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(LOOPBACK, 0), 512);
        Thread.ofVirtual().name("delay-proxy-" + name).start(this::acceptLoop);
    }

    /** A proxy on a free loopback port, forwarding to 127.0.0.1:{@code targetPort} with {@code roundTrip} added. */
    public static DelayProxy start(String name, int targetPort, Duration roundTrip) {
        try {
            return new DelayProxy(name, targetPort, roundTrip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a proxy listener for " + name, e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public Duration roundTrip() {
        return Duration.ofNanos(oneWayNanos * 2);
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
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
            connections.incrementAndGet();
            Thread.ofVirtual().name("delay-proxy-" + name + "-conn").start(() -> relay(client));
        }
    }

    private void relay(Socket client) {
        long accepted = System.nanoTime();
        Socket upstream = new Socket();
        track(client);
        track(upstream);
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(new InetSocketAddress(LOOPBACK, targetPort), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        AtomicInteger running = new AtomicInteger(2);
        Runnable done = () -> {
            if (running.decrementAndGet() == 0) {
                closeQuietly(client);
                closeQuietly(upstream);
            }
        };
        // The client's first bytes wait one round trip more: the handshake a real connection would cost.
        long handshake = accepted + 2 * oneWayNanos;
        pump(client, upstream, handshake, done);
        pump(upstream, client, 0, done);
    }

    /** Relays {@code from} to {@code to}, each chunk {@code oneWayNanos} after it was read (and not before {@code notBefore}). */
    private void pump(Socket from, Socket to, long notBefore, Runnable done) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread.ofVirtual().name("delay-proxy-" + name + "-read").start(() -> {
            byte[] buffer = new byte[32 * 1024];
            try {
                InputStream in = from.getInputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    long now = System.nanoTime();
                    long due = Math.max(now, notBefore) + oneWayNanos;
                    queue.add(new Chunk(Arrays.copyOf(buffer, n), due));
                }
            } catch (IOException closedOrReset) {
                // the end of this direction
            }
            queue.add(Chunk.END);
        });
        Thread.ofVirtual().name("delay-proxy-" + name + "-write").start(() -> {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = queue.take();
                    if (chunk == Chunk.END) {
                        to.shutdownOutput();
                        break;
                    }
                    for (long wait = chunk.due - System.nanoTime(); wait > 0; wait = chunk.due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    out.write(chunk.bytes);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                closeQuietly(from);
                closeQuietly(to);
            } finally {
                done.run();
            }
        });
    }

    private record Chunk(byte[] bytes, long due) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }

    private void track(Socket socket) {
        open.add(socket);
        if (closed) {
            closeQuietly(socket);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(this::closeQuietly);
    }

    @Override
    public String toString() {
        return "DelayProxy[" + name + " :" + port() + " -> :" + targetPort + ", +" + roundTrip().toMillis() + " ms RTT]";
    }
}
