package org.diminet.server.config;

import java.util.Optional;
import org.diminet.core.domain.Region;
import org.diminet.vim.embedded.EmbeddedVim;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A site simulated in-process: the embedded VIM, its state kept in the data directory. */
@Configuration
@ConditionalOnProperty(name = "diminet.vim.kind", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedVimWiring {

    @Bean
    EmbeddedVim embeddedVim(SiteProperties site, Region region) {
        return new EmbeddedVim(region, site.project(), Optional.of(site.dataDir().resolve("embedded-vim.json")));
    }
}
