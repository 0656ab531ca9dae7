package org.diminet.server.config;

import org.diminet.server.settings.SiteConfigurationException;

import org.diminet.server.settings.SiteProperties;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.diminet.core.dataplane.DataPlane;
import org.diminet.core.dataplane.RecordOnlyDataPlane;
import org.diminet.core.domain.Region;
import org.diminet.core.l2.L2ExtensionStrategy;
import org.diminet.core.l3.L3RoutingStrategy;
import org.diminet.core.peer.Peers;
import org.diminet.core.service.EastWestHandler;
import org.diminet.core.service.Fanout;
import org.diminet.core.service.InterSiteServiceManager;
import org.diminet.core.operation.InProcessLocks;
import org.diminet.core.operation.OperationStore;
import org.diminet.core.operation.SiteLocks;
import org.diminet.core.service.OperationExecutor;
import org.diminet.core.service.OperationSettings;
import org.diminet.core.service.PeerHealth;
import org.diminet.core.service.Reconciler;
import org.diminet.server.persistence.JdbcOperationStore;
import org.diminet.server.persistence.JdbcTransactions;
import org.diminet.server.persistence.PostgresSiteLocks;
import org.diminet.core.service.PhaseListener;
import org.diminet.core.service.PhaseLog;
import org.diminet.core.service.SiteContext;
import org.diminet.core.service.StrategyRegistry;
import org.diminet.core.store.ServiceStore;
import org.diminet.core.vim.Vim;
import org.diminet.server.json.DomainJsonModule;
import org.diminet.server.peers.HttpPeers;
import org.diminet.server.persistence.JdbcServiceStore;
import org.diminet.openstack.bgpvpn.BgpvpnDataPlane;
import org.diminet.openstack.keystone.KeystoneSession;
import org.diminet.openstack.neutron.NeutronClient;
import org.diminet.server.peers.CatalogPeerDirectory;
import org.diminet.server.peers.PeerDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the core to this site's adapters. The core itself knows nothing of Spring. */
@Configuration
@EnableConfigurationProperties(SiteProperties.class)
public class SiteWiring {
    static final java.util.List<String> VIM_KINDS = java.util.List.of("embedded", "neutron");

    @Bean
    Module diminetDomainJson() {
        return new DomainJsonModule();
    }

    @Bean
    Region localRegion(SiteProperties site) {
        if (!VIM_KINDS.contains(site.vim().kind())) {
            throw new SiteConfigurationException("diminet.vim.kind '" + site.vim().kind() + "' is unknown; known kinds: "
                    + VIM_KINDS);
        }
        return new Region(site.region());
    }

    @Bean
    DataPlane dataPlane(SiteProperties site, ObjectProvider<NeutronClient> neutron,
                        ObjectProvider<org.diminet.openstack.neutron.NetworkOwners> networkOwners,
                        ObjectProvider<org.diminet.dataplane.linux.site.LinuxSite> linux) {
        String driver = site.dataPlane().driverFor(site.vim().kind());
        return switch (driver) {
            case "none" -> new RecordOnlyDataPlane();
            case org.diminet.dataplane.linux.site.LinuxDataPlane.DRIVER -> new org.diminet.dataplane.linux.site.LinuxDataPlane(
                    linux.getIfAvailable(() -> {
                        throw new SiteConfigurationException("diminet.data-plane.driver=linux needs diminet.vim.kind=embedded");
                    }));
            case BgpvpnDataPlane.DRIVER -> new BgpvpnDataPlane(neutron.getIfAvailable(() -> {
                throw new SiteConfigurationException("diminet.data-plane.driver=bgpvpn needs diminet.vim.kind=neutron");
            }), networkOwners.getIfAvailable(org.diminet.openstack.neutron.NetworkOwners::new));
            default -> throw new SiteConfigurationException("diminet.data-plane.driver '" + driver
                    + "' is unknown; known drivers: [none, bgpvpn, linux]");
        };
    }

    @Bean
    ServiceStore serviceStore(DataSource dataSource, Region region) {
        return new JdbcServiceStore(dataSource, region);
    }

    /** The configured peers if any; otherwise, beside OpenStack, those in Keystone's catalog. */
    @Bean
    Peers peers(SiteProperties site, Region region, ObjectMapper json, ObjectProvider<KeystoneSession> keystone,
                org.diminet.server.peers.PeerCredentials credentials,
                ObjectProvider<io.micrometer.tracing.Tracer> tracer,
                ObjectProvider<io.micrometer.tracing.propagation.Propagator> propagator) {
        PeerDirectory directory;
        if (!site.peers().isEmpty() || keystone.getIfAvailable() == null) {
            Map<Region, URI> sites = new LinkedHashMap<>();
            site.peers().forEach((name, url) -> {
                Region peer = new Region(name);
                if (!peer.equals(region)) {
                    sites.put(peer, url);
                }
            });
            directory = PeerDirectory.fixed(sites);
        } else {
            directory = new CatalogPeerDirectory(keystone.getObject(), region);
        }
        org.diminet.server.peers.PeerCallTracing tracing = tracer.getIfAvailable() == null || propagator.getIfAvailable() == null
                ? org.diminet.server.peers.PeerCallTracing.NONE
                : new org.diminet.server.tracing.MicrometerPeerCallTracing(tracer.getObject(), propagator.getObject());
        return new HttpPeers(directory, site.peer().connectTimeout(), site.peer().requestTimeout(), json, credentials,
                tracing);
    }

    /** Calls to sites run on virtual threads that carry the caller's context along: its trace above all. */
    @Bean(destroyMethod = "close")
    Fanout fanout() {
        return new Fanout(io.micrometer.context.ContextExecutorService.wrap(
                java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor(),
                io.micrometer.context.ContextSnapshotFactory.builder().build()));
    }

    @Bean
    OperationStore operationJournal(DataSource dataSource) {
        return new JdbcOperationStore(dataSource);
    }

    /**
     * PostgreSQL: advisory locks, so several processes of this site can share its database. The
     * embedded H2 file admits one process, whose threads in-process locks serialise.
     */
    @Bean
    SiteLocks siteLocks(DataSource dataSource, org.springframework.core.env.Environment env) {
        String url = env.getProperty("spring.datasource.url", "");
        return url.startsWith("jdbc:postgresql:") ? new PostgresSiteLocks(dataSource) : new InProcessLocks();
    }

    /** @param phaseTimers the metrics' phase timers (org.diminet.server.metrics.PhaseTimers) */
    @Bean
    SiteContext siteContext(Region region, Vim vim, DataPlane dataPlane, Peers peers, ServiceStore store,
                            OperationStore journal, DataSource dataSource, Fanout fanout, SiteLocks locks,
                            PhaseListener phaseTimers) {
        PhaseLog phases = new PhaseLog(region, phaseTimers);
        return new SiteContext(region, vim, dataPlane, peers, store, journal,
                new org.diminet.core.service.TimedTransactions(new JdbcTransactions(dataSource), phases),
                Clock.systemUTC(), fanout, phases, locks);
    }

    @Bean
    OperationSettings operationSettings(SiteProperties site) {
        return site.operations().toCore();
    }

    @Bean
    OperationExecutor operationExecutor(SiteContext site, StrategyRegistry strategies, OperationSettings settings) {
        return new OperationExecutor(site, strategies, settings);
    }

    @Bean
    PeerHealth peerHealth(SiteContext site) {
        return new PeerHealth(site);
    }

    /** Started once the site serves requests (see {@link ReconcilerStarter}); stopped with the context. */
    @Bean(destroyMethod = "close")
    Reconciler reconciler(SiteContext site, StrategyRegistry strategies, OperationExecutor executor,
                          EastWestHandler eastWest, PeerHealth health) {
        return new Reconciler(site, strategies, executor, eastWest, health);
    }

    @Bean
    StrategyRegistry strategies() {
        return new StrategyRegistry().register(new L2ExtensionStrategy()).register(new L3RoutingStrategy());
    }

    @Bean
    EastWestHandler eastWestHandler(SiteContext site, StrategyRegistry strategies) {
        return new EastWestHandler(site, strategies);
    }

    @Bean
    InterSiteServiceManager interSiteServiceManager(SiteContext site, StrategyRegistry strategies,
                                                    OperationExecutor executor) {
        return new InterSiteServiceManager(site, strategies, executor);
    }
}
