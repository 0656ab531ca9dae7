package org.diminet.openstack.neutron;

/**
 * Neutron answered with an error status. Never thrown to the core on its own: it is the cause of the
 * {@link org.diminet.core.domain.error.VimException} the core sees, and keeps Neutron's details for logs and for
 * adapters that want them.
 *
 * @see NeutronClient
 */
public final class NeutronApiException extends RuntimeException {
    private final String method;
    private final String path;
    private final int status;
    private final String type;
    private final String neutronMessage;

    public NeutronApiException(String method, String path, int status, String type, String neutronMessage) {
        super(method + " " + path + " → " + status + (type == null ? "" : " " + type) + ": " + neutronMessage);
        this.method = method;
        this.path = path;
        this.status = status;
        this.type = type;
        this.neutronMessage = neutronMessage;
    }

    public String method() {
        return method;
    }

    /** The request path relative to the Neutron endpoint, e.g. {@code /v2.0/subnets}. */
    public String path() {
        return path;
    }

    public int status() {
        return status;
    }

    /** {@code NeutronError.type} (e.g. {@code OutOfBoundsAllocationPool}), null when the body had none. */
    public String type() {
        return type;
    }

    /** {@code NeutronError.message}, or an excerpt of a non-JSON body. */
    public String neutronMessage() {
        return neutronMessage;
    }
}
