package org.diminet.core.domain.error;

/** The caller sent something malformed or inconsistent; {@link #field()} names what is wrong. */
public final class InvalidRequestException extends DiminetException {
    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public String problemType() {
        return "invalid-request";
    }
}
