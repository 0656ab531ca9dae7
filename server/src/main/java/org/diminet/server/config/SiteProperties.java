package org.diminet.server.config;

import jakarta.validation.Valid;
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
 * One site's configuration ({@code diminet.*}). An unknown key under {@code diminet.} stops the
 * start-up with a message naming it, so a typo never silently falls back to a default.
 *
 * @param region    this site's region name, as in OpenStack
 * @param project   the project that owns services created here (fixed until Keystone auth arrives)
 * @param dataDir   where the embedded database and embedded VIM keep their files
 * @param peers     every other site, region name → base URL of its DIMINET (e.g. http://10.0.0.2:7575);
 *                  when empty and the VIM is Neutron, the peers come from Keystone's catalog
 * @param openstack how to reach Keystone when {@code vim.kind} is {@code neutron}
 */
@Validated
@ConfigurationProperties(prefix = "diminet", ignoreUnknownFields = false)
public record SiteProperties(@NotBlank String region, @NotBlank String project, @NotNull Path dataDir,
                             Map<String, URI> peers, @Valid Vim vim, @Valid DataPlane dataPlane, Peer peer,
                             OpenStack openstack, Operations operations) {
    public SiteProperties {
        peers = peers == null ? Map.of() : new LinkedHashMap<>(peers);
        vim = vim == null ? new Vim("embedded") : vim;
        dataPlane = dataPlane == null ? new DataPlane(null) : dataPlane;
        peer = peer == null ? new Peer(Duration.ofSeconds(2), Duration.ofSeconds(30)) : peer;
        operations = operations == null ? new Operations(null, null, null, null, null, null, null) : operations;
    }

    /**
     * How multi-site operations are driven ({@code diminet.operations.*}); see the core's
     * OperationSettings for what each means. Unset values take its defaults.
     */
    public record Operations(Duration deadline, Duration firstRetry, Duration maxRetry, Duration reconcileInterval,
                             Duration answerWait, Duration probeInterval, Duration auditInterval) {
        public org.diminet.core.service.OperationSettings toCore() {
            var d = org.diminet.core.service.OperationSettings.defaults();
            return new org.diminet.core.service.OperationSettings(
                    deadline == null ? d.deadline() : deadline,
                    firstRetry == null ? d.firstRetry() : firstRetry,
                    maxRetry == null ? d.maxRetry() : maxRetry,
                    reconcileInterval == null ? d.reconcileInterval() : reconcileInterval,
                    answerWait == null ? d.answerWait() : answerWait,
                    probeInterval == null ? d.probeInterval() : probeInterval,
                    auditInterval == null ? d.auditInterval() : auditInterval);
        }
    }

    /** Which VIM adapter serves this site: {@code embedded} (simulated, in-process) or {@code neutron}. */
    public record Vim(@NotBlank String kind) {
    }

    /**
     * Which data-plane driver connects this site's networks: {@code none} (record route targets only)
     * or {@code bgpvpn} (networking-bgpvpn in the local Neutron). Unset: {@code bgpvpn} with a Neutron
     * VIM, {@code none} with the embedded one.
     */
    public record DataPlane(String driver) {
        public String driverFor(String vimKind) {
            return driver != null && !driver.isBlank() ? driver : "neutron".equals(vimKind) ? "bgpvpn" : "none";
        }
    }

    /** Time limits for East-West calls. */
    public record Peer(Duration connectTimeout, Duration requestTimeout) {
    }

    /**
     * Keystone settings of a site beside OpenStack ({@code diminet.openstack.*}).
     *
     * Domains are given by id ({@code default} unless set) or by name.
     *
     * @param endpointInterface catalog interface used for Neutron and DIMINET endpoints (default public)
     * @param diminetPort       the port of peers' DIMINET when the catalog has no {@code intersite} endpoint
     */
    public record OpenStack(URI authUrl, String username, String password, String project, String userDomainId,
                            String userDomainName, String projectDomainId, String projectDomainName,
                            String endpointInterface, Integer diminetPort) {
        public OpenStack {
            userDomainId = userDomainId == null && userDomainName == null ? "default" : userDomainId;
            projectDomainId = projectDomainId == null && projectDomainName == null ? "default" : projectDomainId;
            endpointInterface = endpointInterface == null ? "public" : endpointInterface;
            diminetPort = diminetPort == null ? 7575 : diminetPort;
        }
    }
}
