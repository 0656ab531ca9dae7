package org.diminet.server.auth.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.diminet.server.settings.SiteConfigurationException;
import org.diminet.server.settings.SiteProperties;

/**
 * This site's certificate and the authorities it trusts for peers' certificates
 * ({@code diminet.east-west.tls.*}), checked once at start-up so that a wrong file or password stops
 * the site with a message naming the setting, rather than failing every handshake later.
 *
 * <p>The key store holds exactly one private key, whose certificate's CN is this site's region; the
 * trust store holds the authorities (and nothing here trusts the JDK's default ones).
 */
public final class EastWestTls {
    static final String KEY_STORE = "diminet.east-west.tls.key-store";
    static final String TRUST_STORE = "diminet.east-west.tls.trust-store";
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SiteProperties.Tls files;
    private final KeyStore keyStore;
    private final String keyAlias;
    private final KeyStore trustStore;
    private final String region;
    private final SSLContext serverContext;
    private final SSLContext clientContext;

    private EastWestTls(SiteProperties.Tls files, KeyStore keyStore, String keyAlias, KeyStore trustStore,
                        String region) {
        this.files = files;
        this.keyStore = keyStore;
        this.keyAlias = keyAlias;
        this.trustStore = trustStore;
        this.region = region;
        this.serverContext = context();
        this.clientContext = context();
    }

    /**
     * Opens both stores.
     *
     * @throws SiteConfigurationException naming the setting when a file or password is missing or wrong,
     *                                    the key store holds no private key (or several), the trust store no
     *                                    certificate, or this site's certificate has no CN or has expired
     */
    public static EastWestTls load(SiteProperties.Tls tls) {
        if (tls == null) {
            throw new SiteConfigurationException(KEY_STORE + " is not set; diminet.east-west.auth=mtls needs it"
                    + " and " + TRUST_STORE);
        }
        if (tls.keyStorePassword() == null) {
            throw new SiteConfigurationException(KEY_STORE + "-password is not set");
        }
        KeyStore keys = Pkcs12Files.open(KEY_STORE, tls.keyStore(), tls.keyStorePassword());
        String alias = onlyPrivateKey(keys, tls);
        X509Certificate own = certificate(keys, alias);
        String region = SubjectNames.commonName(own).orElseThrow(() -> new SiteConfigurationException(
                "The certificate in " + KEY_STORE + " (" + own.getSubjectX500Principal().getName()
                        + ") has no single CN; its CN must be this site's region"));
        try {
            own.checkValidity();
        } catch (CertificateExpiredException e) {
            throw new SiteConfigurationException("The certificate in " + KEY_STORE + " expired on "
                    + own.getNotAfter().toInstant(), e);
        } catch (CertificateNotYetValidException e) {
            // A clock a little behind the authority's is no reason to refuse to start.
        }
        KeyStore trusted = Pkcs12Files.open(TRUST_STORE, tls.trustStore(), tls.trustStorePassword());
        if (authorities(trusted).isEmpty()) {
            // Without a password the JDK skips a PKCS#12 file's encrypted certificates: say so.
            throw new SiteConfigurationException(TRUST_STORE + ": " + tls.trustStore().toAbsolutePath()
                    + " holds no certificate" + (tls.trustStorePassword() == null
                    ? " readable without " + TRUST_STORE + "-password" : "")
                    + "; it must hold the authorities of peers' certificates");
        }
        return new EastWestTls(tls, keys, alias, trusted, region);
    }

    /** The region this site's own certificate names (its subject's CN). */
    public String region() {
        return region;
    }

    /** Start-up refuses a certificate made for another site: peers would take this site for that one. */
    public void requireRegion(String configuredRegion) {
        if (!region.equals(configuredRegion)) {
            throw new SiteConfigurationException("The certificate in " + KEY_STORE + " names CN=" + region
                    + " but diminet.region is " + configuredRegion + "; use this site's own certificate");
        }
    }

    /** For a server that presents this site's certificate and verifies clients' against the trust store. */
    public SSLContext serverContext() {
        return serverContext;
    }

    /** For a client (a call to a peer) that presents this site's certificate and trusts only the trust store. */
    public SSLContext clientContext() {
        return clientContext;
    }

    /** TLS 1.3 and 1.2 only, for {@code HttpClient.Builder.sslParameters}; hostname checks stay on. */
    public SSLParameters clientParameters() {
        SSLParameters parameters = clientContext.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS.clone());
        return parameters;
    }

    /** The files and passwords as configured. */
    SiteProperties.Tls files() {
        return files;
    }

    KeyStore keyStore() {
        return keyStore;
    }

    String keyAlias() {
        return keyAlias;
    }

    KeyStore trustStore() {
        return trustStore;
    }

    private SSLContext context() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, files.keyStorePassword().toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (UnrecoverableKeyException e) {
            throw new SiteConfigurationException(KEY_STORE + "-password opens the store but not its private key;"
                    + " the key must have the store's password", e);
        } catch (GeneralSecurityException e) {
            throw new SiteConfigurationException(KEY_STORE + " or " + TRUST_STORE + " cannot serve TLS: "
                    + e.getMessage(), e);
        }
    }

    private static String onlyPrivateKey(KeyStore keys, SiteProperties.Tls tls) {
        List<String> aliases = new ArrayList<>();
        try {
            for (String alias : Collections.list(keys.aliases())) {
                if (keys.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class)) {
                    aliases.add(alias);
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
        if (aliases.isEmpty()) {
            throw new SiteConfigurationException(KEY_STORE + ": " + tls.keyStore().toAbsolutePath()
                    + " holds no private key; it must hold this site's key and certificate");
        }
        if (aliases.size() > 1) {
            // Tomcat and a client would each pick one; they must not pick differently.
            throw new SiteConfigurationException(KEY_STORE + ": " + tls.keyStore().toAbsolutePath()
                    + " holds " + aliases.size() + " private keys " + aliases + "; keep only this site's");
        }
        return aliases.get(0);
    }

    private static X509Certificate certificate(KeyStore keys, String alias) {
        try {
            if (keys.getCertificate(alias) instanceof X509Certificate certificate) {
                return certificate;
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
        throw new SiteConfigurationException(KEY_STORE + ": the private key '" + alias + "' has no X.509 certificate");
    }

    private static List<String> authorities(KeyStore trusted) {
        try {
            List<String> aliases = new ArrayList<>();
            for (String alias : Collections.list(trusted.aliases())) {
                if (trusted.isCertificateEntry(alias)) {
                    aliases.add(alias);
                }
            }
            return aliases;
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
