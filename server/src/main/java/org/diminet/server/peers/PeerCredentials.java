package org.diminet.server.peers;

import java.net.http.HttpRequest;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.diminet.core.domain.Region;

/**
 * How this site proves who it is on every East-West call: its service token (Keystone's, or the
 * embedded identity's) or its TLS client certificate. Either way the call also names the region it
 * speaks for, which the peer checks against the token's user or the certificate.
 */
public sealed interface PeerCredentials {
    String REGION_HEADER = "X-DIMINET-Region";

    void addTo(HttpRequest.Builder request);

    /** After a peer answered 401: a cached token may have expired or been revoked; get a new one next time. */
    void refresh();

    /** A service token, asked of {@code tokens} (which caches and renews it) for every call. */
    record Token(Region local, Supplier<String> tokens, Runnable forget) implements PeerCredentials {
        @Override
        public void addTo(HttpRequest.Builder request) {
            request.header("X-Auth-Token", tokens.get()).header(REGION_HEADER, local.name());
        }

        @Override
        public void refresh() {
            forget.run();
        }
    }

    /** Mutual TLS: the certificate (CN = region) is the proof; the header only repeats it. */
    record Certificate(Region local, SSLContext context, javax.net.ssl.SSLParameters parameters) implements PeerCredentials {
        @Override
        public void addTo(HttpRequest.Builder request) {
            request.header(REGION_HEADER, local.name());
        }

        @Override
        public void refresh() {
        }
    }
}
