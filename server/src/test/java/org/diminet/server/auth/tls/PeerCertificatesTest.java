package org.diminet.server.auth.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.diminet.server.tls.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;

class PeerCertificatesTest {
    @TempDir
    Path dir;

    @Test
    void theRegionIsTheCommonNameOfTheFirstCertificateOfTheChain() throws Exception {
        TestPki pki = TestPki.in(dir);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute("jakarta.servlet.request.X509Certificate",
                new X509Certificate[] {siteCertificate(pki.trusted().keyStore("RegionTwo")), pki.trusted().certificate()});

        assertThat(PeerCertificates.regionOf(request)).contains("RegionTwo");
    }

    @Test
    void aRequestWithoutACertificateHasNoRegion() {
        assertThat(PeerCertificates.regionOf(new MockHttpServletRequest())).isEmpty();
    }

    @Test
    void theEastWestPortIsTheSocketsPortAndZeroIsNone() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setLocalPort(7576);
        request.setServerPort(7576);

        assertThat(PeerCertificates.arrivedOnEastWestPort(request, 7576)).isTrue();
        assertThat(PeerCertificates.arrivedOnEastWestPort(request, 7577)).isFalse();
        request.setLocalPort(0);
        assertThat(PeerCertificates.arrivedOnEastWestPort(request, 0)).isFalse();
    }

    private static X509Certificate siteCertificate(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, TestPki.PASSWORD.toCharArray());
        }
        return (X509Certificate) store.getCertificate("RegionTwo");
    }
}
