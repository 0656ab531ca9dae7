package org.diminet.server.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.diminet.server.launcher.SiteLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A misconfigured site refuses to start, and says which setting is wrong. */
class SiteConfigurationTest {
    @TempDir
    Path dataDir;

    private Map<String, Object> settings(String key, Object value) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("diminet.region", "RegionOne");
        settings.put("server.port", 0);
        settings.put("diminet.data-dir", dataDir.toString());
        settings.putAll(org.diminet.server.launcher.LocalIdentity.generate(java.util.List.of("RegionOne")).settings());
        settings.put(key, value);
        return settings;
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    @Test
    void anUnknownVimKindIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> SiteLauncher.start(settings("diminet.vim.kind", "openstack")))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(root(e))
                        .hasMessageContaining("diminet.vim.kind 'openstack' is unknown").hasMessageContaining("neutron"));
    }

    @Test
    void anUnknownDataPlaneDriverIsNamed() {
        assertThatThrownBy(() -> SiteLauncher.start(settings("diminet.data-plane.driver", "vxlan")))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(root(e))
                        .hasMessageContaining("diminet.data-plane.driver 'vxlan' is unknown"));
    }

    @Test
    void aMisspelledKeyIsRefused() {
        assertThatThrownBy(() -> SiteLauncher.start(settings("diminet.peer.request-timout", "5s")))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(root(e).getMessage())
                        .contains("request-timout"));
    }

    @Test
    void neutronWithoutKeystoneSettingsNamesTheMissingKeys() {
        assertThatThrownBy(() -> SiteLauncher.start(settings("diminet.vim.kind", "neutron")))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(root(e))
                        .hasMessageContaining("diminet.openstack.auth-url")
                        .hasMessageContaining("diminet.openstack.username"));
    }

    @Test
    void theEmbeddedIdentityWithoutASigningKeyIsNamed() {
        assertThatThrownBy(() -> SiteLauncher.start(settings("diminet.auth.signing-key", "")))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(root(e))
                        .hasMessageContaining("diminet.auth.signing-key is required"));
    }

    @Test
    void mutualTlsWithoutItsSettingsNamesThem() {
        assertThatThrownBy(() -> SiteLauncher.start(settings("diminet.east-west.auth", "mtls")))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(root(e))
                        .hasMessageContaining("diminet.east-west"));
    }
}
