package org.diminet.server.config;

import org.diminet.server.settings.SiteConfigurationException;

import org.diminet.server.settings.SiteProperties;

import java.nio.file.Path;
import java.util.Optional;
import org.diminet.dataplane.linux.LinuxNetwork;
import org.diminet.dataplane.linux.Naming;
import org.diminet.dataplane.linux.ProcessRunner;
import org.diminet.dataplane.linux.site.LinuxSite;
import org.diminet.dataplane.linux.site.LinuxSiteSettings;
import org.diminet.core.domain.Region;
import org.diminet.core.vim.Vim;
import org.diminet.server.vim.SlowVim;
import org.diminet.vim.embedded.EmbeddedVim;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** A site simulated in-process: the embedded VIM, its state kept in the data directory. */
@Configuration
@ConditionalOnProperty(name = "diminet.vim.kind", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedVimWiring {

    @Bean
    EmbeddedVim embeddedVim(SiteProperties site, Region region) {
        return new EmbeddedVim(region, site.project(), Optional.of(site.dataDir().resolve("embedded-vim.json")));
    }

    /**
     * With {@code diminet.embedded-vim.latency} set (a benchmark and test knob), the VIM the core uses is
     * the embedded VIM behind a {@link SlowVim} that waits that long before each call; without it, the
     * embedded VIM itself. The embedded Neutron API and the linux data plane use the embedded VIM directly.
     */
    @Bean
    @Primary
    @ConditionalOnProperty(name = "diminet.embedded-vim.latency")
    Vim slowVim(EmbeddedVim vim, SiteProperties site) {
        return new SlowVim(vim, site.embeddedVim().latency());
    }

    /**
     * With {@code diminet.data-plane.driver=linux}: this site's namespace, FRR and machines on this host,
     * started now (refused clearly without root or FRR) and removed when the site stops.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "diminet.data-plane.driver", havingValue = "linux")
    LinuxSite linuxSite(SiteProperties site, Region region, EmbeddedVim vim) {
        SiteProperties.Linux linux = site.dataPlane().linux();
        if (linux == null || linux.underlay() == null) {
            throw new SiteConfigurationException("diminet.data-plane.driver=linux needs diminet.data-plane.linux.underlay"
                    + " (this site's WAN address, e.g. 10.255.0.1/24) and diminet.data-plane.linux.peers.<Region>");
        }
        org.diminet.dataplane.linux.site.LinuxPrerequisite.missing().ifPresent(why -> {
            throw new SiteConfigurationException("diminet.data-plane.driver=linux cannot run here: " + why);
        });
        String address = linux.underlay().substring(0, Math.max(0, linux.underlay().indexOf('/')));
        long asn = linux.asn() != null ? linux.asn() : 65000 + Long.parseLong(address.substring(address.lastIndexOf('.') + 1));
        Naming naming = linux.prefix() == null ? Naming.defaults() : new Naming(linux.prefix());
        Path frr = linux.frrDirectory() != null ? linux.frrDirectory()
                : Path.of("/run/diminet", region.name().toLowerCase(java.util.Locale.ROOT));
        LinuxSite linuxSite = new LinuxSite(new LinuxSiteSettings(region, linux.underlay(), asn, linux.peers(), naming, frr),
                new LinuxNetwork(new ProcessRunner(), naming), vim);
        linuxSite.start();
        return linuxSite;
    }
}
