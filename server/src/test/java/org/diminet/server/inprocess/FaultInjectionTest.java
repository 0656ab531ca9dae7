package org.diminet.server.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.L2Params;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.error.PeerException;
import org.diminet.core.error.VimException;
import org.diminet.core.service.NewService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults at exact points of a multi-site operation: whatever fails, the user gets an error naming
 * the site, and no site keeps anything of the failed request.
 */
class FaultInjectionTest {
    private static final Region ONE = new Region("RegionOne");
    private static final Region TWO = new Region("RegionTwo");
    private static final Region THREE = new Region("RegionThree");

    private final InProcessSites sites = new InProcessSites("RegionOne", "RegionTwo", "RegionThree");

    @AfterEach
    void close() {
        sites.close();
    }

    @Test
    void aRemoteVimFailingToCreateTheNetworkUndoesTheWholeExtension() {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        List<IpRange> poolsBefore = sites.site("RegionOne").vim().subnetsOf(network).getFirst().allocationPools();
        sites.site("RegionThree").vim().failNext(FaultyVim.Call.CREATE_NETWORK);

        assertThatThrownBy(() -> sites.site("RegionOne").manager().create(l2(network)))
                .isInstanceOfSatisfying(PeerException.class, e -> {
                    assertThat(e.region()).isEqualTo(THREE);
                    assertThat(e.peerStatus()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("RegionThree", "injected failure");
                });

        assertThat(sites.site("RegionTwo").embedded().networks().list()).as("RegionTwo's copy was removed").isEmpty();
        assertThat(sites.site("RegionThree").embedded().networks().list()).isEmpty();
        assertThat(sites.site("RegionOne").vim().subnetsOf(network).getFirst().allocationPools()).isEqualTo(poolsBefore);
        for (String region : List.of("RegionOne", "RegionTwo", "RegionThree")) {
            assertThat(sites.site(region).store().list()).as(region).isEmpty();
        }
        assertThat(sites.site("RegionOne").manager().create(l2(network)).resources())
                .as("nothing blocks a second attempt").hasSize(3);
    }

    @Test
    void aSiteThatDidTheWorkButWhoseAnswerWasLostIsCleanedUp() {
        NetworkId a = sites.network("RegionOne", "a", "10.1.0.0/24");
        NetworkId b = sites.network("RegionTwo", "b", "10.2.0.0/24");
        NetworkId c = sites.network("RegionThree", "c", "10.3.0.0/24");
        sites.site("RegionOne").peers().loseNextCreateAnswer(TWO);

        assertThatThrownBy(() -> sites.site("RegionOne").manager().create(new NewService("routing", ServiceType.L3,
                "default", List.of(Resource.of(ONE, a), Resource.of(TWO, b), Resource.of(THREE, c)))))
                .isInstanceOfSatisfying(PeerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PeerException.Kind.TIMEOUT);
                    assertThat(e.region()).isEqualTo(TWO);
                });

        for (String region : List.of("RegionOne", "RegionTwo", "RegionThree")) {
            assertThat(sites.site(region).store().list()).as(region).isEmpty();
        }
    }

    @Test
    void theMasterFailingToShrinkItsPoolsContactsNobody() {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        sites.site("RegionOne").vim().failNext(FaultyVim.Call.UPDATE_POOLS);

        assertThatThrownBy(() -> sites.site("RegionOne").manager().create(l2(network)))
                .isInstanceOf(VimException.class).hasMessageContaining("RegionOne");

        assertThat(sites.site("RegionTwo").embedded().networks().list()).isEmpty();
        assertThat(sites.site("RegionOne").store().list()).isEmpty();
    }

    @Test
    void addingASiteThatIsDownChangesNothingAndLeaksNoPool() {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        InterSiteService service = sites.site("RegionOne").manager().create(new NewService("ext", ServiceType.L2,
                "default", List.of(Resource.of(ONE, network), Resource.regionOnly(TWO))));
        sites.site("RegionOne").peers().down(THREE);

        assertThatThrownBy(() -> sites.site("RegionOne").manager().update(service.id(),
                List.of(Resource.of(ONE, network), Resource.regionOnly(TWO), Resource.regionOnly(THREE))))
                .isInstanceOfSatisfying(PeerException.class, e -> assertThat(e.region()).isEqualTo(THREE));

        InterSiteService after = sites.site("RegionOne").manager().get(service.id());
        assertThat(after.resources()).hasSize(2);
        assertThat(((L2Params) after.params()).ledger().orElseThrow())
                .isEqualTo(((L2Params) service.params()).ledger().orElseThrow());
    }

    @Test
    void aChangeSentToANonMasterSiteIsCarriedOutByTheMaster() {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        InterSiteService service = sites.site("RegionOne").manager().create(new NewService("ext", ServiceType.L2,
                "default", List.of(Resource.of(ONE, network), Resource.regionOnly(TWO))));

        InterSiteService grown = sites.site("RegionTwo").manager().update(service.id(),
                List.of(Resource.of(ONE, network), Resource.regionOnly(TWO), Resource.regionOnly(THREE)));

        assertThat(grown.master()).isEqualTo(ONE);
        assertThat(grown.resources()).hasSize(3);
        assertThat(sites.site("RegionThree").store().find(service.id())).isPresent();
        assertThat(sites.site("RegionOne").manager().get(service.id()).resources()).hasSize(3);
    }

    private static NewService l2(NetworkId network) {
        return new NewService("ext", ServiceType.L2, "default",
                List.of(Resource.of(ONE, network), Resource.regionOnly(TWO), Resource.regionOnly(THREE)));
    }
}
