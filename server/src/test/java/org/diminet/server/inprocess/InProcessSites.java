package org.diminet.server.inprocess;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.diminet.core.dataplane.RecordOnlyDataPlane;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.l2.L2ExtensionStrategy;
import org.diminet.core.l3.L3RoutingStrategy;
import org.diminet.core.service.EastWestHandler;
import org.diminet.core.service.Fanout;
import org.diminet.core.service.InterSiteServiceManager;
import org.diminet.core.service.KeyedLocks;
import org.diminet.core.service.PhaseLog;
import org.diminet.core.service.SiteContext;
import org.diminet.core.service.StrategyRegistry;
import org.diminet.core.store.ServiceStore;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.server.persistence.Databases;
import org.diminet.server.persistence.JdbcServiceStore;
import org.diminet.vim.embedded.EmbeddedVim;

/**
 * Sites assembled by hand from the core and real adapters (embedded VIM, H2 store) in one process,
 * without Spring or HTTP, so tests can inject faults at exact points of a multi-site operation.
 */
final class InProcessSites implements AutoCloseable {

    record Site(Region region, FaultyVim vim, EmbeddedVim embedded, ServiceStore store, InProcessPeers peers,
                InterSiteServiceManager manager, EastWestHandler eastWest, Fanout fanout, DataSource dataSource) {
    }

    private final Map<Region, Site> sites = new LinkedHashMap<>();

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
            SiteContext context = new SiteContext(region, vim, new RecordOnlyDataPlane(), peers, store,
                    Clock.systemUTC(), fanout, new PhaseLog(region), new KeyedLocks());
            StrategyRegistry strategies = new StrategyRegistry()
                    .register(new L2ExtensionStrategy()).register(new L3RoutingStrategy());
            EastWestHandler eastWest = new EastWestHandler(context, strategies);
            sites.put(region, new Site(region, vim, embedded, store, peers,
                    new InterSiteServiceManager(context, strategies, eastWest), eastWest, fanout, dataSource));
        }
    }

    Site site(String region) {
        return sites.get(new Region(region));
    }

    NetworkId network(String region, String name, String cidr) {
        Cidr parsed = new Cidr(cidr);
        return site(region).vim().createNetworkWithSubnet(name,
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
