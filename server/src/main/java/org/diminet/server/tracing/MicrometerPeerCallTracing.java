package org.diminet.server.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.net.http.HttpRequest;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.diminet.core.domain.Region;
import org.diminet.server.peers.PeerCallTracing;

/**
 * A client span per East-West call, child of whatever span the calling thread is in (the North request,
 * or the reconciler's own), with its W3C {@code traceparent} on the request: the peer's server span joins
 * the same trace.
 */
public final class MicrometerPeerCallTracing implements PeerCallTracing {
    private static final Pattern GLOBAL_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}");

    private final Tracer tracer;
    private final Propagator propagator;

    public MicrometerPeerCallTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public <T> T around(Region site, String method, String path, HttpRequest.Builder request, Supplier<T> send) {
        // The path's template, not the id: span names stay few, the id goes in a tag.
        String template = GLOBAL_ID.matcher(path).replaceAll("{id}");
        Span span = tracer.nextSpan().name("east-west " + method + " " + template).start();
        span.tag("diminet.peer", site.name());
        span.tag("http.request.method", method);
        span.tag("url.path", path);
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            propagator.inject(span.context(), request, HttpRequest.Builder::setHeader);
            return send.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
