package org.diminet.server.auth;

/**
 * The request attributes under which the authentication filter leaves who is calling, for controllers
 * to take with {@code @RequestAttribute}: a user's {@link org.diminet.core.domain.Caller} on the North
 * and Neutron APIs, a peer's {@link org.diminet.core.domain.Region} on the East-West API.
 */
public final class RequestIdentity {
    public static final String CALLER = "diminet.caller";
    public static final String PEER = "diminet.peer";

    private RequestIdentity() {
    }
}
