package org.diminet.server.auth.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import org.diminet.server.settings.SiteConfigurationException;

/** Opens a PKCS#12 file named by a setting, and says which setting is wrong when it cannot. */
final class Pkcs12Files {
    private Pkcs12Files() {
    }

    /**
     * @param setting  the file's setting, e.g. {@code diminet.east-west.tls.key-store}; its password's
     *                 setting is the same name with {@code -password}
     * @param password null opens the file without checking its integrity (as the JDK allows for trust stores)
     */
    static KeyStore open(String setting, Path file, String password) {
        if (file == null) {
            throw new SiteConfigurationException(setting + " is not set; diminet.east-west.auth=mtls needs it");
        }
        if (!Files.isRegularFile(file)) {
            throw new SiteConfigurationException(setting + ": no file at " + file.toAbsolutePath());
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        } catch (IOException e) {
            // The JDK reports a wrong password as an IOException caused by UnrecoverableKeyException.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new SiteConfigurationException(setting + "-password does not open " + file.toAbsolutePath()
                        + " (wrong password)", e);
            }
            throw new SiteConfigurationException(setting + ": " + file.toAbsolutePath()
                    + " cannot be read as PKCS#12: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SiteConfigurationException(setting + ": " + file.toAbsolutePath()
                    + " cannot be read as PKCS#12: " + e.getMessage(), e);
        }
    }
}
