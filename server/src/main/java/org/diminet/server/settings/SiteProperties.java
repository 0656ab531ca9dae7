package org.diminet.server.settings;

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
 * @param project   the project that owns what this site's embedded VIM holds before any user made
 *                  anything (the VIM's own project)
 * @param dataDir   where the embedded database and embedded VIM keep their files
 * @param peers     every other site, region name → base URL of its DIMINET (e.g. http://10.0.0.2:7575);
 *                  when empty and the VIM is Neutron, the peers come from Keystone's catalog
 * @param openstack how to reach Keystone when {@code vim.kind} is {@code neutron}
 * @param auth      who may call the APIs and how tokens are checked
 * @param eastWest  where and how peers are authenticated
 * @param embeddedVim benchmark and test knobs of the embedded VIM ({@code diminet.embedded-vim.*})
 */
@Validated
@ConfigurationProperties(prefix = "diminet", ignoreUnknownFields = false)
public record SiteProperties(@NotBlank String region, @NotBlank String project, @NotNull Path dataDir,
                             Map<String, URI> peers, @Valid Vim vim, @Valid DataPlane dataPlane, Peer peer,
                             OpenStack openstack, Operations operations, Auth auth, EastWest eastWest,
                             EmbeddedVimSettings embeddedVim) {
    public SiteProperties {
        peers = peers == null ? Map.of() : new LinkedHashMap<>(peers);
        vim = vim == null ? new Vim("embedded") : vim;
        dataPlane = dataPlane == null ? new DataPlane(null, null) : dataPlane;
        peer = peer == null ? new Peer(Duration.ofSeconds(2), Duration.ofSeconds(30)) : peer;
        operations = operations == null ? new Operations(null, null, null, null, null, null, null) : operations;
        auth = auth == null ? new Auth(null, null, null, null, null, null, null, null, null) : auth;
        eastWest = eastWest == null ? new EastWest(null, null, null) : eastWest;
        embeddedVim = embeddedVim == null ? new EmbeddedVimSettings(null) : embeddedVim;
    }

    /**
     * Knobs of the embedded VIM for benchmarks and tests ({@code diminet.embedded-vim.*}); a real site
     * leaves them unset.
     *
     * @param latency how long each call DIMINET makes to the embedded VIM waits before it runs, to stand
     *                for a real VIM's response time (e.g. {@code 5ms}); unset or zero: no wait. The
     *                embedded Neutron API itself is not slowed.
     */
    public record EmbeddedVimSettings(Duration latency) {
        public EmbeddedVimSettings {
            latency = latency == null ? Duration.ZERO : latency;
            if (latency.isNegative()) {
                throw new IllegalArgumentException("diminet.embedded-vim.latency must not be negative: " + latency);
            }
        }
    }

    /**
     * How users and peers are authenticated ({@code diminet.auth.*}).
     *
     * @param mode          {@code keystone} (tokens checked with Keystone; the default beside Neutron) or
     *                      {@code embedded} (this site issues and checks tokens itself; the default otherwise)
     * @param signingKey    embedded: base64 key (32 bytes or more) that signs tokens; every site that must
     *                      accept the others' tokens has the same key, as Keystone nodes share Fernet keys
     * @param tokenLifetime embedded: how long an issued token is valid (default 1 h)
     * @param users         embedded: the users, their passwords, projects and roles
     * @param serviceUser   embedded: which of {@code users} this site is toward its peers (default
     *                      {@code diminet-<region>}); beside Keystone it is {@code diminet.openstack.username}
     * @param peerUsers     region → the user name its site authenticates as on the East-West API
     * @param cacheTime     keystone: how long a validated token is believed without asking Keystone again
     *                      (never past its expiry; default 5 min, as keystonemiddleware's token_cache_time)
     * @param rateLimit     requests per second each token (or, without one, each client address) may make
     *                      (default 50; 0 turns the limit off)
     * @param rateBurst     how many requests above the rate a token may make at once (default 100)
     */
    public record Auth(String mode, String signingKey, Duration tokenLifetime, java.util.List<User> users,
                       String serviceUser, Map<String, String> peerUsers, Duration cacheTime, Integer rateLimit,
                       Integer rateBurst) {
        public Auth {
            tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
            users = users == null ? java.util.List.of() : java.util.List.copyOf(users);
            peerUsers = peerUsers == null ? Map.of() : new LinkedHashMap<>(peerUsers);
            cacheTime = cacheTime == null ? Duration.ofMinutes(5) : cacheTime;
            rateLimit = rateLimit == null ? 50 : rateLimit;
            rateBurst = rateBurst == null ? 100 : rateBurst;
        }

        public String modeFor(String vimKind) {
            return mode != null && !mode.isBlank() ? mode : "neutron".equals(vimKind) ? "keystone" : "embedded";
        }
    }

    /** An embedded identity's user; {@code roles} as Keystone names them ({@code admin}, {@code member}, {@code service}). */
    public record User(String name, String password, String project, java.util.List<String> roles) {
        public User {
            roles = roles == null ? java.util.List.of("member") : java.util.List.copyOf(roles);
        }
    }

    /**
     * The East-West API ({@code diminet.east-west.*}).
     *
     * @param port 0 or unset: the East-West API shares the North port; otherwise it listens only on
     *             this port (and the North port refuses it), so that it can stay on the inter-site network
     * @param auth {@code token} (a peer's Keystone or embedded service token, the default) or {@code mtls}
     *             (a client certificate whose CN is the peer's region, from an authority in the trust
     *             store; needs {@code port} and {@code tls})
     * @param tls  the key store (this site's certificate) and trust store (the authorities of peers'
     *             certificates), PKCS#12
     */
    public record EastWest(Integer port, String auth, Tls tls) {
        public EastWest {
            port = port == null ? 0 : port;
            auth = auth == null || auth.isBlank() ? "token" : auth;
        }

        public boolean ownPort() {
            return port != 0;
        }
    }

    public record Tls(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {
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
     * Which data-plane driver connects this site's networks: {@code none} (record route targets only),
     * {@code bgpvpn} (networking-bgpvpn in the local Neutron) or {@code linux} (namespaces, VXLAN and FRR
     * BGP EVPN on this host, with the embedded VIM; needs root and FRR). Unset: {@code bgpvpn} with a
     * Neutron VIM, {@code none} with the embedded one.
     */
    public record DataPlane(String driver, Linux linux) {
        public String driverFor(String vimKind) {
            return driver != null && !driver.isBlank() ? driver : "neutron".equals(vimKind) ? "bgpvpn" : "none";
        }
    }

    /**
     * The {@code linux} driver's place on the host ({@code diminet.data-plane.linux.*}).
     *
     * @param underlay     this site's address on the WAN with its prefix, e.g. {@code 10.255.0.1/24}
     * @param asn          this site's BGP AS (default 65000 + the underlay address's last number)
     * @param peers        every other site's underlay address (no prefix), by region
     * @param prefix       the prefix of every namespace and interface the driver makes (default {@code dmn-})
     * @param frrDirectory where this site's FRR keeps its files (default {@code /run/diminet/<region>})
     */
    public record Linux(String underlay, Long asn, Map<String, String> peers, String prefix, Path frrDirectory) {
        public Linux {
            peers = peers == null ? Map.of() : new LinkedHashMap<>(peers);
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
