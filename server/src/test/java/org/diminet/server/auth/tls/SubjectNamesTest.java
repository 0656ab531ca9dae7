package org.diminet.server.auth.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class SubjectNamesTest {
    @Test
    void readsTheOnlyCommonName() {
        assertThat(SubjectNames.commonName(subject("CN=RegionOne, O=DIMINET"))).contains("RegionOne");
        assertThat(SubjectNames.commonName(subject("O=DIMINET, CN=Region\\, One"))).contains("Region, One");
    }

    @Test
    void noCommonNameOrTwoAreNoRegion() {
        assertThat(SubjectNames.commonName(subject("O=DIMINET"))).isEmpty();
        assertThat(SubjectNames.commonName(subject("CN=RegionOne, CN=RegionTwo"))).isEmpty();
    }

    private static X509Certificate subject(String name) {
        X509Certificate certificate = Mockito.mock(X509Certificate.class);
        Mockito.when(certificate.getSubjectX500Principal()).thenReturn(new X500Principal(name));
        Mockito.when(certificate.getSerialNumber()).thenReturn(BigInteger.ONE);
        return certificate;
    }
}
