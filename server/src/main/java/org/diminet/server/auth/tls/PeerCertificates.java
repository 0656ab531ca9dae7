package org.diminet.server.auth.tls;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** What a request tells of the peer that sent it, for the filter that authenticates East-West calls. */
public final class PeerCertificates {
    /** Where the servlet container puts a TLS client's verified certificate chain. */
    static final String CHAIN_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private PeerCertificates() {
    }

    /**
     * The region a request's client certificate names (its subject's CN). Only the East-West connector
     * with {@code diminet.east-west.auth=mtls} asks for certificates, and it admits only those it has
     * verified against the trust store; empty on any other connector, or when the CN is missing or
     * given twice.
     */
    public static Optional<String> regionOf(HttpServletRequest request) {
        if (request.getAttribute(CHAIN_ATTRIBUTE) instanceof X509Certificate[] chain && chain.length > 0) {
            return SubjectNames.commonName(chain[0]);
        }
        return Optional.empty();
    }

    /**
     * Whether the request came in on the East-West API's own port, judged by the socket it arrived on
     * (never by a Host or forwarded header, which a client writes). False when {@code eastWestPort} is 0:
     * then the East-West API has no port of its own and shares the main one.
     */
    public static boolean arrivedOnEastWestPort(HttpServletRequest request, int eastWestPort) {
        return eastWestPort != 0 && request.getLocalPort() == eastWestPort;
    }
}
