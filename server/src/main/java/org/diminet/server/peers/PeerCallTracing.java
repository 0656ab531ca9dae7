package org.diminet.server.peers;

import java.net.http.HttpRequest;
import java.util.function.Supplier;
import org.diminet.core.domain.Region;

/**
 * Wraps one East-West call in a span of the request it serves and puts that span's context on the call
 * ({@code traceparent}), so that one trace shows the master's work and every peer's.
 */
public interface PeerCallTracing {

    /** No tracing: the call is sent as it is. */
    PeerCallTracing NONE = new PeerCallTracing() {
        @Override
        public <T> T around(Region site, String method, String path, HttpRequest.Builder request, Supplier<T> send) {
            return send.get();
        }
    };

    <T> T around(Region site, String method, String path, HttpRequest.Builder request, Supplier<T> send);
}
