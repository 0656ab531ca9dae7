package org.diminet.server.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * One site's configuration ({@code diminet.*}).
 *
 * @param region   this site's region name, as in OpenStack
 * @param project  the project that owns services created here (fixed until Keystone auth arrives)
 * @param dataDir  where the embedded database and embedded VIM keep their files
 * @param peers    every other site, region name → base URL of its DIMINET (e.g. http://10.0.0.2:7575)
 */
@Validated
@ConfigurationProperties(prefix = "diminet")
public record SiteProperties(@NotBlank String region, @NotBlank String project, @NotNull Path dataDir,
                             Map<String, URI> peers, Vim vim, DataPlane dataPlane, Peer peer) {
    public SiteProperties {
        peers = peers == null ? Map.of() : new LinkedHashMap<>(peers);
        vim = vim == null ? new Vim("embedded") : vim;
        dataPlane = dataPlane == null ? new DataPlane("none") : dataPlane;
        peer = peer == null ? new Peer(Duration.ofSeconds(2), Duration.ofSeconds(30)) : peer;
    }

    /** Which VIM adapter serves this site: {@code embedded} (simulated, in-process). */
    public record Vim(@NotBlank String kind) {
    }

    /** Which data-plane driver connects this site's networks: {@code none} (record route targets only). */
    public record DataPlane(@NotBlank String driver) {
    }

    /** Time limits for East-West calls. */
    public record Peer(Duration connectTimeout, Duration requestTimeout) {
    }
}
