package org.diminet.server.settings;

/** A site cannot start as configured; the message names the setting and what is wrong with it. */
public class SiteConfigurationException extends RuntimeException {
    public SiteConfigurationException(String message) {
        super(message);
    }

    public SiteConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
