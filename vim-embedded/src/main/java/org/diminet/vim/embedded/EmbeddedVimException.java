package org.diminet.vim.embedded;

/**
 * A Neutron API error raised by the embedded VIM: an HTTP-like {@link #status()} (400, 404, 409, or
 * 500 when the snapshot cannot be written) and Neutron's error {@link #type()}, so a facade can answer
 * {@code {"NeutronError":{"type":…,"message":…,"detail":…}}} without inspecting the message.
 */
public final class EmbeddedVimException extends RuntimeException {
    private final int status;
    private final String type;
    private final String detail;

    public EmbeddedVimException(int status, String type, String message) {
        this(status, type, message, "", null);
    }

    public EmbeddedVimException(int status, String type, String message, String detail, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.type = type;
        this.detail = detail == null ? "" : detail;
    }

    static EmbeddedVimException badRequest(String type, String message) {
        return new EmbeddedVimException(400, type, message);
    }

    /** Neutron's generic 400: the message is wrapped as Neutron does, ending with a full stop. */
    static EmbeddedVimException invalidInput(String what) {
        return badRequest("InvalidInput", "Invalid input for operation: " + what + (what.endsWith(".") ? "" : "."));
    }

    static EmbeddedVimException notFound(String type, String message) {
        return new EmbeddedVimException(404, type, message);
    }

    static EmbeddedVimException conflict(String type, String message) {
        return new EmbeddedVimException(409, type, message);
    }

    /** The HTTP status Neutron would answer with. */
    public int status() {
        return status;
    }

    /** Neutron's error type, e.g. {@code NetworkNotFound} or {@code IpAddressGenerationFailure}. */
    public String type() {
        return type;
    }

    /** Neutron's {@code detail} field; usually empty. */
    public String detail() {
        return detail;
    }
}
