package org.diminet.openstack.config;

/** A {@code services.conf} that cannot be used; the message names the file and, when there is one, the key. */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    public ConfigException(String key, String message) {
        this(key, message, null);
    }

    /** The key (as written in the file) that is wrong, missing or unknown; null for a file-level problem. */
    public String key() {
        return key;
    }
}
