package org.diminet.server.auth.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.diminet.server.settings.SiteConfigurationException;
import org.diminet.server.settings.SiteProperties;
import org.diminet.server.tls.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class EastWestTlsWiringTest {
    @TempDir
    Path dir;
    ApplicationContextRunner runner;
    TestPki pki;

    @BeforeEach
    void site() {
        pki = TestPki.in(dir);
        runner = new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, EastWestTlsWiring.class)
                .withPropertyValues("diminet.region=RegionOne", "diminet.project=default", "diminet.data-dir=" + dir);
    }

    @Test
    void withTokensThereIsNoTlsBean() {
        runner.withPropertyValues("diminet.east-west.port=7576").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EastWestConnector.class).doesNotHaveBean(EastWestTls.class);
            assertThat(context.getBeanProvider(EastWestTls.class).getIfAvailable()).isNull();
        });
    }

    @Test
    void withMutualTlsTheTlsBeanIsThisSitesCertificate() {
        SiteProperties.Tls tls = pki.tls("RegionOne");
        runner.withPropertyValues("diminet.east-west.port=7576", "diminet.east-west.auth=mtls",
                "diminet.east-west.tls.key-store=" + tls.keyStore(), "diminet.east-west.tls.key-store-password=" + TestPki.PASSWORD,
                "diminet.east-west.tls.trust-store=" + tls.trustStore(),
                "diminet.east-west.tls.trust-store-password=" + TestPki.PASSWORD).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EastWestConnector.class);
            assertThat(context.getBean(EastWestTls.class).region()).isEqualTo("RegionOne");
        });
    }

    @Test
    void mutualTlsNeedsItsOwnPort() {
        runner.withPropertyValues("diminet.east-west.auth=mtls").run(context ->
                assertThat(siteFailure(context.getStartupFailure()))
                        .hasMessageContaining("diminet.east-west.auth=mtls needs diminet.east-west.port"));
    }

    @Test
    void mutualTlsNeedsTlsSettings() {
        runner.withPropertyValues("diminet.east-west.auth=mtls", "diminet.east-west.port=7576").run(context ->
                assertThat(siteFailure(context.getStartupFailure()))
                        .hasMessageContaining("diminet.east-west.tls.key-store is not set"));
    }

    @Test
    void mutualTlsRefusesAnotherRegionsCertificate() {
        SiteProperties.Tls tls = pki.tls("RegionTwo");
        runner.withPropertyValues("diminet.east-west.port=7576", "diminet.east-west.auth=mtls",
                "diminet.east-west.tls.key-store=" + tls.keyStore(), "diminet.east-west.tls.key-store-password=" + TestPki.PASSWORD,
                "diminet.east-west.tls.trust-store=" + tls.trustStore(),
                "diminet.east-west.tls.trust-store-password=" + TestPki.PASSWORD).run(context ->
                assertThat(siteFailure(context.getStartupFailure()))
                        .hasMessageContaining("names CN=RegionTwo but diminet.region is RegionOne"));
    }

    @Test
    void anUnknownAuthKindIsNamed() {
        runner.withPropertyValues("diminet.east-west.auth=MTLS").run(context ->
                assertThat(siteFailure(context.getStartupFailure()))
                        .hasMessageContaining("diminet.east-west.auth 'MTLS' is unknown; known kinds: [token, mtls]"));
    }

    private static Throwable siteFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SiteConfigurationException) {
                return cause;
            }
        }
        throw new AssertionError("no SiteConfigurationException in", failure);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SiteProperties.class)
    static class Properties {
    }
}
