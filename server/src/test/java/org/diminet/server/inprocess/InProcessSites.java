package org.diminet.server.inprocess;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.l2.L2ExtensionStrategy;
import org.diminet.core.l3.L3RoutingStrategy;
import org.diminet.core.service.EastWestHandler;
import org.diminet.core.service.Fanout;
import org.diminet.core.service.InterSiteServiceManager;
import org.diminet.core.operation.InProcessLocks;
import org.diminet.core.service.OperationExecutor;
import org.diminet.core.service.OperationSettings;
import org.diminet.core.service.PeerHealth;
import org.diminet.core.service.Reconciler;
import org.diminet.core.service.PhaseLog;
import org.diminet.core.service.SiteContext;
import org.diminet.core.service.StrategyRegistry;
import org.diminet.core.store.ServiceStore;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.server.persistence.Databases;
import org.diminet.server.persistence.JdbcOperationStore;
import org.diminet.server.persistence.JdbcServiceStore;
import org.diminet.server.persistence.JdbcTransactions;
import org.diminet.vim.embedded.EmbeddedVim;

/**
 * Sites assembled by hand from the core and real adapters (embedded VIM, H2 store) in one process,
 * without Spring or HTTP, so tests can inject faults at exact points of a multi-site operation.
 */
final class InProcessSites implements AutoCloseable {

    record Site(Region region, FaultyVim vim, EmbeddedVim embedded, ServiceStore store, InProcessPeers peers,
                InterSiteServiceManager manager, EastWestHandler eastWest, OperationExecutor executor,
                Reconciler reconciler, Fanout fanout,
                DataSource dataSource, SiteContext context, HeldAttachments dataPlane) {
    }

    /** Short pauses and deadline, so that retries and revocations happen within a test. */
    static final OperationSettings SETTINGS = new OperationSettings(java.time.Duration.ofSeconds(2),
            java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(400), java.time.Duration.ofMillis(200),
            java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(5));

    private final Map<Region, Site> sites = new LinkedHashMap<>();

    /** The project of the tests' networks and services, and an admin calling for it. */
    static final String PROJECT = "default";
    static final org.diminet.core.domain.Caller ADMIN = new org.diminet.core.domain.Caller("admin", PROJECT, true,
            org.diminet.core.domain.Caller.Credential.NONE);

    InProcessSites(String... regions) {
        for (String name : regions) {
            Region region = new Region(name);
            EmbeddedVim embedded = new EmbeddedVim(region);
            FaultyVim vim = new FaultyVim(region, embedded);
            DataSource dataSource = Databases.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
                    Optional.empty());
            ServiceStore store = new JdbcServiceStore(dataSource, region);
            InProcessPeers peers = new InProcessPeers(region, sites);
            Fanout fanout = new Fanout();
            HeldAttachments dataPlane = new HeldAttachments();
            SiteContext context = new SiteContext(region, vim, dataPlane, peers, store,
                    new JdbcOperationStore(dataSource), new JdbcTransactions(dataSource), Clock.systemUTC(), fanout,
                    new PhaseLog(region), new InProcessLocks());
            StrategyRegistry strategies = new StrategyRegistry()
                    .register(new L2ExtensionStrategy()).register(new L3RoutingStrategy());
            EastWestHandler eastWest = new EastWestHandler(context, strategies);
            OperationExecutor executor = new OperationExecutor(context, strategies, SETTINGS);
            Reconciler reconciler = new Reconciler(context, strategies, executor, eastWest, new PeerHealth(context));
            sites.put(region, new Site(region, vim, embedded, store, peers,
                    new InterSiteServiceManager(context, strategies, executor), eastWest, executor, reconciler, fanout,
                    dataSource, context, dataPlane));
        }
    }

    /** One reconciler pass at every site, as their timers would run it. */
    void reconcile() {
        sites.values().forEach(s -> s.reconciler().driveOpen());
    }

    Site site(String region) {
        return sites.get(new Region(region));
    }

    NetworkId network(String region, String name, String cidr) {
        Cidr parsed = new Cidr(cidr);
        return site(region).vim().createNetworkWithSubnet(name, PROJECT,
                new SubnetSpec(parsed, parsed.defaultGateway(), List.of())).id();
    }

    @Override
    public void close() {
        sites.values().forEach(s -> {
            s.fanout().close();
            Databases.close(s.dataSource());
        });
    }
}
