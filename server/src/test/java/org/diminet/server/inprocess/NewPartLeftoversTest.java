package org.diminet.server.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.service.NewService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A site searches its data plane for what a crash left unrecorded only when an earlier attempt could have
 * left something: a part stored by the same request that wires it, or a new service's own network wired by
 * the request that stored the service, has nothing to clear, and at a Neutron site the search is a BGPVPN
 * listing on every create. What an earlier attempt left half made is still cleared, at a part and at the
 * master, so a retry never leaves two attachments.
 */
class NewPartLeftoversTest {
    private static final Region ONE = new Region("RegionOne");
    private static final Region TWO = new Region("RegionTwo");

    private final InProcessSites sites = new InProcessSites("RegionOne", "RegionTwo");

    @AfterEach
    void close() {
        sites.close();
    }

    @Test
    void aNewPartIsWiredWithoutSearchingForLeftovers() {
        InterSiteService created = create("fresh", "10.61.1.0/24", "10.61.2.0/24");

        HeldAttachments atTwo = sites.site("RegionTwo").dataPlane();
        assertThat(created.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(atTwo.heldFor(created.id())).isEqualTo(1);
        assertThat(atTwo.searchesForLeftovers()).isZero();
    }

    @Test
    void aRetryClearsWhatTheAttemptWhoseAnswerWasLostMade() {
        HeldAttachments atTwo = sites.site("RegionTwo").dataPlane();
        atTwo.loseNextAttachAnswer();

        InterSiteService created = create("retried", "10.62.1.0/24", "10.62.2.0/24");

        assertThat(created.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(atTwo.searchesForLeftovers()).as("the retry looked for the first attempt's leftovers").isEqualTo(1);
        assertThat(atTwo.heldFor(created.id())).as("one attachment, not the lost one beside it").isEqualTo(1);
        assertThat(sites.site("RegionTwo").store().find(created.id()).orElseThrow().attachment()).isPresent();
    }

    @Test
    void aNewServicesMasterWiresItsOwnNetworkWithoutSearchingForLeftovers() {
        InterSiteService created = create("fresh-master", "10.61.3.0/24", "10.61.4.0/24");

        HeldAttachments atOne = sites.site("RegionOne").dataPlane();
        assertThat(created.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(atOne.heldFor(created.id())).isEqualTo(1);
        assertThat(atOne.searchesForLeftovers()).isZero();
    }

    @Test
    void theMastersRetryClearsWhatItsAttemptWhoseAnswerWasLostMade() {
        HeldAttachments atOne = sites.site("RegionOne").dataPlane();
        atOne.loseNextAttachAnswer();

        InterSiteService created = create("retried-master", "10.62.3.0/24", "10.62.4.0/24");

        assertThat(created.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(atOne.searchesForLeftovers()).as("the retry looked for the first attempt's leftovers").isEqualTo(1);
        assertThat(atOne.heldFor(created.id())).as("one attachment, not the lost one beside it").isEqualTo(1);
    }

    private InterSiteService create(String name, String cidrOne, String cidrTwo) {
        NetworkId a = sites.network("RegionOne", name, cidrOne);
        NetworkId b = sites.network("RegionTwo", name, cidrTwo);
        return sites.site("RegionOne").manager().create(new NewService(name, ServiceType.L3, InProcessSites.PROJECT,
                List.of(Resource.of(ONE, a), Resource.of(TWO, b)))).service();
    }
}
