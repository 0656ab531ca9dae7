package org.diminet.server.vim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.Region;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.Vim;
import org.diminet.core.vim.VimNetwork;
import org.diminet.server.launcher.LocalIdentity;
import org.diminet.server.launcher.SiteLauncher;
import org.diminet.vim.embedded.EmbeddedVim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** diminet.embedded-vim.latency: every call the core makes waits, then does what the embedded VIM does. */
class SlowVimTest {

    @Test
    void eachCallWaitsTheLatencyThenDelegates() {
        EmbeddedVim embedded = new EmbeddedVim(new Region("RegionOne"), "default", Optional.empty());
        Vim slow = new SlowVim(embedded, Duration.ofMillis(20));
        Cidr cidr = new Cidr("10.9.0.0/24");
        long start = System.nanoTime();
        VimNetwork network = slow.createNetworkWithSubnet("n", "p", new SubnetSpec(cidr, cidr.defaultGateway(), List.of()));
        assertThat(slow.findNetwork(network.id())).isPresent();
        assertThat(slow.subnetsOf(network.id())).singleElement().satisfies(s -> assertThat(s.cidr()).isEqualTo(cidr));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isGreaterThanOrEqualTo(60);
        assertThat(embedded.findNetwork(network.id())).isPresent();
        assertThatThrownBy(() -> new SlowVim(embedded, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSettingPutsItBetweenTheCoreAndTheEmbeddedVim(@TempDir Path dataDir) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("diminet.region", "RegionOne");
        settings.put("server.port", 0);
        settings.put("diminet.data-dir", dataDir.toString());
        settings.putAll(LocalIdentity.generate(List.of("RegionOne")).settings());
        settings.put("diminet.embedded-vim.latency", "5ms");
        try (ConfigurableApplicationContext site = SiteLauncher.start(settings)) {
            assertThat(site.getBean(Vim.class)).isInstanceOf(SlowVim.class);
            assertThat(site.getBean(EmbeddedVim.class)).isNotNull(); // the Neutron API's, unslowed
            assertThat(site.getBean(org.diminet.core.service.SiteContext.class).vim()).isInstanceOf(SlowVim.class);
        }
    }
}
