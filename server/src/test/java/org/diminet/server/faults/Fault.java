package org.diminet.server.faults;

/**
 * What a {@link FaultProxy} does to every connection, whatever the request. Rules for particular
 * requests ({@link FaultProxy#dropRequest}, ...) come on top of {@link #PASS}.
 */
public enum Fault {
    /** Forward each request and relay its answer (after the proxy's delay, if any). */
    PASS,
    /**
     * A partition that fails fast: new connections are accepted and reset at once, and connections in
     * flight when it starts are reset too, so clients see a connection error rather than a timeout.
     */
    CUT,
    /** Read the request head, then reset the connection; nothing reaches the target. */
    RESET,
    /**
     * Accept and read, never forward or answer: the client runs into its own timeout. Connections held
     * this way stay held after {@link FaultProxy#heal()} until their client gives up.
     */
    BLACKHOLE
}
