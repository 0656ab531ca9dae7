package org.diminet.server.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.L3Params;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.domain.error.ConflictException;
import org.diminet.core.domain.error.NotFoundException;
import org.diminet.core.service.NewService;
import org.diminet.core.vim.SubnetSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An L3 create's master reads its own network in the wave that makes the other sites' parts, not before
 * it: beside a real Neutron that read (two calls) was on every create's critical path. What the read
 * guards still holds: a network the project may not use is refused and nothing is left at any site (the
 * other site's part is undone, the master attached nothing), and the overlap check sees the master's CIDRs.
 */
class MasterLocalReadTest {
    private static final Region ONE = new Region("RegionOne");
    private static final Region TWO = new Region("RegionTwo");

    private final InProcessSites sites = new InProcessSites("RegionOne", "RegionTwo");

    @AfterEach
    void close() {
        sites.close();
    }

    @Test
    void theMasterReadsItsNetworkWhileTheOtherSiteMakesItsPart() {
        NetworkId a = sites.network("RegionOne", "beside", "10.64.1.0/24");
        NetworkId b = sites.network("RegionTwo", "beside", "10.64.2.0/24");
        AtomicBoolean remotePartStartedFirst = new AtomicBoolean();
        // Before the change the read came first and the other site was asked only after it: this wait timed out.
        sites.site("RegionOne").vim().beforeNextFindNetwork(() ->
                remotePartStartedFirst.set(sites.site("RegionTwo").dataPlane().awaitFirstAttach(Duration.ofSeconds(5))));

        InterSiteService created = create("beside", a, b);

        assertThat(remotePartStartedFirst).as("the other site attached its part while the master read").isTrue();
        assertThat(created.state()).isEqualTo(ServiceState.ACTIVE);
        InterSiteService atMaster = sites.site("RegionOne").store().find(created.id()).orElseThrow();
        assertThat(((L3Params) atMaster.params()).localCidrs()).containsExactly(new Cidr("10.64.1.0/24"));
        assertThat(sites.site("RegionOne").dataPlane().heldFor(created.id())).isEqualTo(1);
    }

    @Test
    void aLocalNetworkOfAnotherProjectIsRefusedAndTheOtherSitesPartUndone() {
        Cidr cidr = new Cidr("10.65.1.0/24");
        NetworkId others = sites.site("RegionOne").vim().createNetworkWithSubnet("others", "another-project",
                new SubnetSpec(cidr, cidr.defaultGateway(), List.of())).id();
        NetworkId b = sites.network("RegionTwo", "refused", "10.65.2.0/24");

        assertThatThrownBy(() -> create("refused", others, b))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((NotFoundException) e).problemType()).isEqualTo("network-not-found"))
                .hasMessageContaining(others.value()).hasMessageContaining("RegionOne");

        assertNothingLeftAnywhere();
    }

    @Test
    void theMastersCidrsStillCountInTheOverlapCheck() {
        NetworkId a = sites.network("RegionOne", "overlap", "10.66.0.0/16");
        NetworkId b = sites.network("RegionTwo", "overlap", "10.66.5.0/24");

        assertThatThrownBy(() -> create("overlap", a, b)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("10.66.0.0/16").hasMessageContaining("10.66.5.0/24");

        assertNothingLeftAnywhere();
    }

    private void assertNothingLeftAnywhere() {
        for (String region : List.of("RegionOne", "RegionTwo")) {
            InProcessSites.Site site = sites.site(region);
            assertThat(site.store().list()).as("services stored at %s", region).isEmpty();
            assertThat(site.dataPlane().attachedInAll()).as("attachments left at %s", region).isZero();
        }
    }

    private InterSiteService create(String name, NetworkId local, NetworkId remote) {
        return sites.site("RegionOne").manager().create(new NewService(name, ServiceType.L3, InProcessSites.PROJECT,
                List.of(Resource.of(ONE, local), Resource.of(TWO, remote)))).service();
    }
}
