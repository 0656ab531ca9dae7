package org.diminet.server.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.diminet.server.settings.SiteProperties;

/**
 * Certificates made at test time, written as PKCS#12 files into one directory: a trusted authority
 * and an unknown one, each issuing site certificates (CN = region, SAN IP 127.0.0.1 and DNS localhost,
 * for serverAuth and clientAuth) as sites would hold them for {@code diminet.east-west.auth=mtls}.
 * Every file has the password {@link #PASSWORD}.
 */
public final class TestPki {
    public static final String PASSWORD = "test-secret";
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final Path dir;
    private final Authority trusted;
    private final Authority unknown;

    private TestPki(Path dir) {
        this.dir = dir;
        this.trusted = new Authority("trusted");
        this.unknown = new Authority("unknown");
    }

    /** Makes both authorities; site certificates are made when asked for. */
    public static TestPki in(Path dir) {
        return new TestPki(dir);
    }

    /** The authority whose trust store sites are given. */
    public Authority trusted() {
        return trusted;
    }

    /** An authority no site trusts, as an intruder's would be. */
    public Authority unknown() {
        return unknown;
    }

    /** A site's {@code diminet.east-west.tls}: its key store from the trusted authority, and that authority's trust store. */
    public SiteProperties.Tls tls(String region) {
        return new SiteProperties.Tls(trusted.keyStore(region), PASSWORD, trusted.trustStore(), PASSWORD);
    }

    /** One certificate authority, with its own trust store and the site key stores it issues. */
    public final class Authority {
        private final String name;
        private final KeyPair keys;
        private final X509Certificate certificate;

        private Authority(String name) {
            this.name = name;
            this.keys = newKeyPair();
            X500Name subject = new X500Name("CN=DIMINET test CA " + name);
            Instant now = Instant.now();
            this.certificate = sign(new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic()), builder -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                builder.addExtension(Extension.subjectKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            });
        }

        public X509Certificate certificate() {
            return certificate;
        }

        /** A trust store holding this authority only. */
        public Path trustStore() {
            Path file = dir.resolve(name + "-ca-truststore.p12");
            KeyStore store = emptyStore();
            try {
                store.setCertificateEntry(name + "-ca", certificate);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return write(store, file);
        }

        /** A site's key store: its key and a certificate for {@code region}, valid from an hour ago for a day. */
        public Path keyStore(String region) {
            Instant now = Instant.now();
            return keyStore(region, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        }

        /** A key store whose certificate expired yesterday. */
        public Path expiredKeyStore(String region) {
            Instant now = Instant.now();
            return keyStore(region, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        }

        private Path keyStore(String region, Instant notBefore, Instant notAfter) {
            KeyPair site = newKeyPair();
            X509Certificate leaf = sign(new JcaX509v3CertificateBuilder(certificate, serial(), Date.from(notBefore),
                    Date.from(notAfter), new X500Name("CN=" + region + ", O=DIMINET test"), site.getPublic()), builder -> {
                var extensions = new JcaX509ExtensionUtils();
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                // The JDK HttpClient checks the URL's host against these: peers are called by IP.
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")}));
                builder.addExtension(Extension.subjectKeyIdentifier, false,
                        extensions.createSubjectKeyIdentifier(site.getPublic()));
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(certificate));
            });
            KeyStore store = emptyStore();
            try {
                store.setKeyEntry(region, site.getPrivate(), PASSWORD.toCharArray(),
                        new X509Certificate[] {leaf, certificate});
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return write(store, dir.resolve(name + "-" + region + "-keystore-" + serial() + ".p12"));
        }

        private X509Certificate sign(X509v3CertificateBuilder builder, Extensions extensions) {
            try {
                extensions.add(builder);
                var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
                return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws IOException, GeneralSecurityException;
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    private static KeyStore emptyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(KeyStore store, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
