package org.diminet.dataplane.linux;

/**
 * FRR refused or did not do what it was asked: a configuration line answered with a {@code %} message, the
 * daemons did not become ready in time, or an answer could not be understood.
 */
public class FrrException extends RuntimeException {
    public FrrException(String message) {
        super(message);
    }

    public FrrException(String message, Throwable cause) {
        super(message, cause);
    }
}
