package org.diminet.server.auth.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.diminet.server.settings.SiteConfigurationException;
import org.diminet.server.settings.SiteProperties.Tls;
import org.diminet.server.tls.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EastWestTlsTest {
    private static final String PASSWORD = TestPki.PASSWORD;

    @TempDir
    Path dir;
    TestPki pki;

    @BeforeEach
    void makeAuthorities() {
        pki = TestPki.in(dir);
    }

    @Test
    void loadsBothStoresAndNamesTheRegionOfItsCertificate() {
        EastWestTls tls = EastWestTls.load(pki.tls("RegionOne"));

        assertThat(tls.region()).isEqualTo("RegionOne");
        assertThat(tls.serverContext()).isNotNull();
        assertThat(tls.clientContext()).isNotNull().isNotSameAs(tls.serverContext());
        assertThat(tls.clientParameters().getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        tls.requireRegion("RegionOne");
    }

    @Test
    void refusesACertificateMadeForAnotherRegion() {
        EastWestTls tls = EastWestTls.load(pki.tls("RegionTwo"));

        assertThatThrownBy(() -> tls.requireRegion("RegionOne"))
                .isInstanceOf(SiteConfigurationException.class)
                .hasMessageContaining("CN=RegionTwo")
                .hasMessageContaining("diminet.region is RegionOne");
    }

    @Test
    void namesTheKeyStoreWhenItsFileIsMissing() {
        Tls tls = new Tls(dir.resolve("nowhere.p12"), PASSWORD, pki.trusted().trustStore(), PASSWORD);

        assertThatThrownBy(() -> EastWestTls.load(tls))
                .isInstanceOf(SiteConfigurationException.class)
                .hasMessageContaining("diminet.east-west.tls.key-store: no file at")
                .hasMessageContaining("nowhere.p12");
    }

    @Test
    void namesTheTrustStoreWhenItsFileIsMissing() {
        Tls tls = new Tls(pki.trusted().keyStore("RegionOne"), PASSWORD, dir.resolve("nowhere.p12"), PASSWORD);

        assertThatThrownBy(() -> EastWestTls.load(tls))
                .isInstanceOf(SiteConfigurationException.class)
                .hasMessageContaining("diminet.east-west.tls.trust-store: no file at");
    }

    @Test
    void namesThePasswordSettingWhenAPasswordIsWrong() {
        Path keys = pki.trusted().keyStore("RegionOne");
        Path trust = pki.trusted().trustStore();

        assertThatThrownBy(() -> EastWestTls.load(new Tls(keys, "wrong", trust, PASSWORD)))
                .isInstanceOf(SiteConfigurationException.class)
                .hasMessageContaining("diminet.east-west.tls.key-store-password does not open")
                .hasMessageContaining("wrong password");
        assertThatThrownBy(() -> EastWestTls.load(new Tls(keys, PASSWORD, trust, "wrong")))
                .isInstanceOf(SiteConfigurationException.class)
                .hasMessageContaining("diminet.east-west.tls.trust-store-password does not open");
    }

    @Test
    void namesWhatIsNotSet() {
        assertThatThrownBy(() -> EastWestTls.load(null))
                .isInstanceOf(SiteConfigurationException.class)
                .hasMessageContaining("diminet.east-west.tls.key-store is not set");
        Path keys = pki.trusted().keyStore("RegionOne");
        assertThatThrownBy(() -> EastWestTls.load(new Tls(keys, null, pki.trusted().trustStore(), PASSWORD)))
                .hasMessageContaining("diminet.east-west.tls.key-store-password is not set");
        assertThatThrownBy(() -> EastWestTls.load(new Tls(keys, PASSWORD, null, PASSWORD)))
                .hasMessageContaining("diminet.east-west.tls.trust-store is not set");
    }

    @Test
    void refusesAKeyStoreWithoutAPrivateKey() {
        Path certificatesOnly = pki.trusted().trustStore();

        assertThatThrownBy(() -> EastWestTls.load(new Tls(certificatesOnly, PASSWORD, certificatesOnly, PASSWORD)))
                .isInstanceOf(SiteConfigurationException.class)
                .hasMessageContaining("diminet.east-west.tls.key-store")
                .hasMessageContaining("holds no private key");
    }

    @Test
    void refusesAFileThatIsNotPkcs12() throws Exception {
        Path text = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n");

        assertThatThrownBy(() -> EastWestTls.load(new Tls(text, PASSWORD, pki.trusted().trustStore(), PASSWORD)))
                .isInstanceOf(SiteConfigurationException.class)
                .hasMessageContaining("diminet.east-west.tls.key-store")
                .hasMessageContaining("cannot be read as PKCS#12");
    }

    @Test
    void refusesAnExpiredCertificate() {
        Tls tls = new Tls(pki.trusted().expiredKeyStore("RegionOne"), PASSWORD, pki.trusted().trustStore(), PASSWORD);

        assertThatThrownBy(() -> EastWestTls.load(tls))
                .isInstanceOf(SiteConfigurationException.class)
                .hasMessageContaining("The certificate in diminet.east-west.tls.key-store expired on");
    }

    @Test
    void saysWhenATrustStoreNeedsItsPassword() {
        Tls tls = new Tls(pki.trusted().keyStore("RegionOne"), PASSWORD, pki.trusted().trustStore(), null);

        assertThatThrownBy(() -> EastWestTls.load(tls))
                .isInstanceOf(SiteConfigurationException.class)
                .hasMessageContaining("readable without diminet.east-west.tls.trust-store-password");
    }
}
