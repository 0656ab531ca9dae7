package org.diminet.server.faults;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Carries one client connection of a {@link FaultProxy} through the faults in force: one request, at
 * most one upstream connection, then both sides closed (or reset). The order of decisions is the
 * contract the proxy documents: CUT at accept time (in FaultProxy); after the request head is read the
 * request is logged and hooks run; then RESET / BLACKHOLE; then the first matching rule; then the
 * body is read, the delay waited, the fault re-checked, and the request forwarded.
 */
final class ProxiedConnection implements Runnable {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final FaultProxy proxy;
    private final Socket client;

    ProxiedConnection(FaultProxy proxy, Socket client) {
        this.proxy = proxy;
        this.client = client;
    }

    @Override
    public void run() {
        Socket upstream = null;
        try {
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            HttpHead request = HttpHead.read(in);
            if (request == null) {
                Sockets.close(client);
                return;
            }
            String method = request.method();
            String target = request.target();
            proxy.log().record(method, target);
            if (!applyFault(in)) {
                return;
            }
            Optional<Rule.Action> rule = proxy.claimRule(method, target);
            if (rule.equals(Optional.of(Rule.Action.RESET_BEFORE))) {
                Sockets.reset(client);
                return;
            }
            if (request.expectsContinue()) {
                out.write(CONTINUE);
                out.flush();
            }
            byte[] body = HttpBody.readRequestBody(request, in);
            if (rule.equals(Optional.of(Rule.Action.DROP_REQUEST))) {
                Sockets.reset(client);
                return;
            }
            Duration delay = proxy.currentDelay();
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            if (!applyFault(in)) {
                return;
            }
            try {
                upstream = proxy.connectUpstream();
            } catch (IOException targetDown) {
                Sockets.reset(client);
                return;
            }
            OutputStream upOut = new BufferedOutputStream(upstream.getOutputStream());
            upOut.write(request.withConnectionClose().bytes());
            upOut.write(body);
            upOut.flush();
            relayResponse(new BufferedInputStream(upstream.getInputStream()), out,
                    rule.equals(Optional.of(Rule.Action.DROP_RESPONSE)));
        } catch (IOException | RuntimeException e) {
            Sockets.reset(client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Sockets.reset(client);
        } finally {
            Sockets.close(upstream);
            Sockets.close(client);
            proxy.untrack(client);
            if (upstream != null) {
                proxy.untrack(upstream);
            }
        }
    }

    /** Applies the connection-wide fault now in force; false when the request must go no further. */
    private boolean applyFault(InputStream in) throws IOException {
        switch (proxy.fault()) {
            case PASS -> {
                return true;
            }
            case CUT, RESET -> Sockets.reset(client);
            case BLACKHOLE -> in.transferTo(OutputStream.nullOutputStream()); // until the client gives up
        }
        return false;
    }

    private void relayResponse(InputStream upIn, OutputStream out, boolean dropIt) throws IOException {
        HttpHead response = HttpHead.read(upIn);
        if (response == null) {
            Sockets.reset(client); // the target closed without answering
            return;
        }
        while (response.status() >= 100 && response.status() < 200 && response.status() != 101) {
            if (!dropIt) {
                out.write(response.bytes());
            }
            response = HttpHead.read(upIn);
            if (response == null) {
                Sockets.reset(client);
                return;
            }
        }
        if (dropIt) {
            upIn.transferTo(OutputStream.nullOutputStream()); // the target has answered: it executed the request
            Sockets.reset(client);
            return;
        }
        out.write(response.withConnectionClose().bytes());
        upIn.transferTo(out); // the target closes after the answer, as asked by Connection: close
        out.flush();
        client.shutdownOutput();
    }
}
