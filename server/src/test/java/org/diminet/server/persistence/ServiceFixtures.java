package org.diminet.server.persistence;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.Connection;
import org.diminet.core.domain.DataPlaneAttachment;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.L2Params;
import org.diminet.core.domain.L3Params;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.PoolLedger;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.RouteTarget;
import org.diminet.core.domain.ServiceParams;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.ServiceType;

/**
 * Sample services as the store at {@link #HERE} sees them. Start from {@link #anL2Master},
 * {@link #anL2PartMasteredElsewhere} or {@link #anL3Service}, adjust, then {@link Builder#build()}.
 */
final class ServiceFixtures {
    /** The site whose store is under test. */
    static final Region HERE = Region.of("RegionOne");
    static final Region THERE = Region.of("RegionTwo");
    static final Region FAR = Region.of("RegionThree");

    /** A point in time with microseconds, the precision the store keeps. */
    static final Instant T0 = Instant.parse("2025-05-01T08:00:00.123456Z");

    private ServiceFixtures() {
    }

    static NetworkId aNetwork() {
        return NetworkId.of(UUID.randomUUID().toString());
    }

    /**
     * An L2 extension mastered here of {@code localNetwork} (10.20.0.0/24) to {@link #THERE}, whose
     * network exists, and {@link #FAR}, whose network is not created yet. Its ledger has ranges
     * assigned to both known sites and some still free; it has a BGPVPN attachment.
     */
    static Builder anL2Master(NetworkId localNetwork) {
        return new Builder(ServiceType.L2, HERE).at(HERE, localNetwork).at(THERE, aNetwork()).at(FAR, null)
                .params(ServiceFixtures::l2MasterParams).withAttachment("bgpvpn");
    }

    /**
     * This site's part of an L2 extension mastered at {@link #THERE}: the network here is created by
     * DIMINET ({@code null} while it is not yet), there is no ledger, gateway or attachment.
     */
    static Builder anL2PartMasteredElsewhere(NetworkId localNetworkOrNull) {
        return new Builder(ServiceType.L2, THERE).at(THERE, aNetwork()).at(HERE, localNetworkOrNull)
                .params(id -> new L2Params(Cidr.of("10.40.0.0/24"), null, null,
                        List.of(new IpRange("10.40.0.100", "10.40.0.149")), true, List.of(), Optional.empty()));
    }

    /** L3 routing between {@code localNetwork} and a network at {@link #THERE}, attachment driver "none". */
    static Builder anL3Service(NetworkId localNetwork) {
        return new Builder(ServiceType.L3, HERE).at(HERE, localNetwork).at(THERE, aNetwork())
                .params(id -> new L3Params(List.of(Cidr.of("10.30.0.0/24"), Cidr.of("fd00:30::/64"))))
                .withAttachment("none");
    }

    private static L2Params l2MasterParams(GlobalId id) {
        Cidr cidr = Cidr.of("10.20.0.0/24");
        PoolLedger ledger = PoolLedger.open(cidr, "10.20.0.1")
                .allocate(HERE, BigInteger.valueOf(64)).ledger()
                .allocate(THERE, BigInteger.valueOf(32)).ledger()
                .reserve(HERE, List.of("10.20.0.200"));
        return new L2Params(cidr, "10.20.0.1", UUID.randomUUID().toString(), ledger.assignedTo(HERE), false,
                List.of(new IpRange("10.20.0.2", "10.20.0.254")), Optional.of(ledger));
    }

    /** Builds one sample service; the id-dependent parts (route targets) follow the id. */
    static final class Builder {
        private final ServiceType type;
        private final Region master;
        private final List<Resource> resources = new ArrayList<>();
        private GlobalId id = GlobalId.random();
        private String name;
        private String project = "demo";
        private Function<GlobalId, ServiceParams> params;
        private String attachmentDriver;
        private ServiceState state = ServiceState.ACTIVE;
        private Instant createdAt = T0;
        private Instant updatedAt = T0;

        private Builder(ServiceType type, Region master) {
            this.type = type;
            this.master = master;
            this.name = type.name().toLowerCase() + "-sample";
        }

        /** Adds (or replaces) the resource at {@code region}; a null network means none yet. */
        Builder at(Region region, NetworkId networkOrNull) {
            resources.removeIf(r -> r.region().equals(region));
            resources.add(new Resource(region, Optional.ofNullable(networkOrNull)));
            return this;
        }

        Builder withoutLocalResource() {
            resources.removeIf(r -> r.region().equals(HERE));
            return this;
        }

        Builder withId(GlobalId newId) {
            this.id = newId;
            return this;
        }

        Builder withId(String uuid) {
            return withId(new GlobalId(UUID.fromString(uuid)));
        }

        Builder named(String newName) {
            this.name = newName;
            return this;
        }

        Builder inProject(String newProject) {
            this.project = newProject;
            return this;
        }

        Builder inState(ServiceState newState) {
            this.state = newState;
            return this;
        }

        Builder createdAt(Instant instant) {
            this.createdAt = instant;
            this.updatedAt = instant;
            return this;
        }

        Builder updatedAt(Instant instant) {
            this.updatedAt = instant;
            return this;
        }

        Builder withAttachment(String driver) {
            this.attachmentDriver = driver;
            return this;
        }

        Builder withoutAttachment() {
            this.attachmentDriver = null;
            return this;
        }

        private Builder params(Function<GlobalId, ServiceParams> makeParams) {
            this.params = makeParams;
            return this;
        }

        InterSiteService build() {
            List<Connection> connections = resources.stream()
                    .filter(r -> !r.region().equals(HERE))
                    .map(r -> new Connection(r.region(), r.network(),
                            RouteTarget.exportedBy(id, HERE), RouteTarget.exportedBy(id, r.region())))
                    .toList();
            Optional<DataPlaneAttachment> attachment = Optional.ofNullable(attachmentDriver).map(driver ->
                    new DataPlaneAttachment(driver,
                            driver.equals("none") ? List.of() : List.of(UUID.randomUUID().toString(),
                                    UUID.randomUUID().toString()),
                            RouteTarget.exportedBy(id, HERE),
                            Set.copyOf(connections.stream().map(Connection::remoteExport).toList())));
            return new InterSiteService(id, name, type, project, master, resources, params.apply(id), connections,
                    attachment, state, createdAt, updatedAt);
        }
    }
}
