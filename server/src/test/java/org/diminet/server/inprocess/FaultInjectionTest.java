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
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.domain.error.PeerException;
import org.diminet.core.domain.error.VimException;
import org.diminet.core.service.NewService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults at exact points of a multi-site operation, on sites assembled in one process: a failure that
 * goes away is retried and the request completes; one that stays revokes the request, the user gets
 * an error naming the site, and no site keeps anything of it.
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
    void aRemoteVimFailingOnceIsRetriedAndTheExtensionCompletes() {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        sites.site("RegionThree").vim().failNext(FaultyVim.Call.CREATE_NETWORK);

        InterSiteService created = sites.site("RegionOne").manager().create(l2(network)).service();

        assertThat(created.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(sites.site("RegionThree").embedded().networks().list()).as("one copy, not two").hasSize(1);
    }

    @Test
    void aRemoteVimThatKeepsFailingRevokesTheWholeExtension() {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        List<IpRange> poolsBefore = sites.site("RegionOne").vim().subnetsOf(network).getFirst().allocationPools();
        sites.site("RegionThree").vim().failAlways(FaultyVim.Call.CREATE_NETWORK);

        assertThatThrownBy(() -> sites.site("RegionOne").manager().create(l2(network)))
                .isInstanceOfSatisfying(PeerException.class, e -> {
                    assertThat(e.region()).isEqualTo(THREE);
                    assertThat(e.getMessage()).contains("RegionThree", "injected failure");
                });

        assertThat(sites.site("RegionTwo").embedded().networks().list()).as("RegionTwo's copy was removed").isEmpty();
        assertThat(sites.site("RegionThree").embedded().networks().list()).isEmpty();
        assertThat(sites.site("RegionOne").vim().subnetsOf(network).getFirst().allocationPools()).isEqualTo(poolsBefore);
        for (String region : List.of("RegionOne", "RegionTwo", "RegionThree")) {
            assertThat(sites.site(region).store().list()).as(region).isEmpty();
        }
        sites.site("RegionThree").vim().failAlways(null);
        assertThat(sites.site("RegionOne").manager().create(l2(network)).service().resources())
                .as("nothing blocks a second attempt").hasSize(3);
    }

    @Test
    void aSiteThatDidTheWorkButWhoseAnswerWasLostIsAskedAgainAndAnswersWithThePartItMade() {
        NetworkId a = sites.network("RegionOne", "a", "10.1.0.0/24");
        NetworkId b = sites.network("RegionTwo", "b", "10.2.0.0/24");
        NetworkId c = sites.network("RegionThree", "c", "10.3.0.0/24");
        sites.site("RegionOne").peers().loseNextCreateAnswer(TWO);

        InterSiteService created = sites.site("RegionOne").manager().create(new NewService("routing", ServiceType.L3,
                "default", List.of(Resource.of(ONE, a), Resource.of(TWO, b), Resource.of(THREE, c)))).service();

        assertThat(created.state()).isEqualTo(ServiceState.ACTIVE);
        for (String region : List.of("RegionOne", "RegionTwo", "RegionThree")) {
            assertThat(sites.site(region).store().list()).as(region).hasSize(1);
        }
    }

    @Test
    void theMastersVimFailingToShrinkItsPoolsRevokesTheCreateAndContactsNobody() {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        sites.site("RegionOne").vim().failAlways(FaultyVim.Call.UPDATE_POOLS);

        assertThatThrownBy(() -> sites.site("RegionOne").manager().create(l2(network)))
                .isInstanceOf(VimException.class).hasMessageContaining("RegionOne");

        assertThat(sites.site("RegionTwo").embedded().networks().list()).isEmpty();
        assertThat(sites.site("RegionOne").store().list()).as("shown FAILED until its pools are back")
                .singleElement().satisfies(s -> assertThat(s.state()).isEqualTo(ServiceState.FAILED));

        sites.site("RegionOne").vim().failAlways(null);
        awaitUntil(() -> {
            sites.reconcile();
            return sites.site("RegionOne").store().list().isEmpty();
        });
        assertThat(sites.site("RegionOne").vim().subnetsOf(network).getFirst().allocationPools())
                .containsExactly(new IpRange("10.9.0.2", "10.9.0.254"));
    }

    @Test
    void theMastersVimHangingPastTheDeadlineRevokesTheCreateAndLeavesNothing() {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        sites.site("RegionOne").vim().hangNext(FaultyVim.Call.UPDATE_POOLS, java.time.Duration.ofSeconds(30));
        long start = System.nanoTime();

        assertThatThrownBy(() -> sites.site("RegionOne").manager().create(l2(network)))
                .hasMessageContaining("no answer within");

        assertThat((System.nanoTime() - start) / 1_000_000).as("the user waits about the deadline, not the hang")
                .isLessThan(20_000);
        awaitUntil(() -> {
            sites.reconcile();
            return sites.site("RegionOne").store().list().isEmpty();
        });
        assertThat(sites.site("RegionTwo").embedded().networks().list()).isEmpty();
        assertThat(sites.site("RegionOne").vim().subnetsOf(network).getFirst().allocationPools())
                .containsExactly(new IpRange("10.9.0.2", "10.9.0.254"));
    }

    @Test
    void addingASiteThatIsDownIsRevokedAndItsPoolReturnsToTheLedger() {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        InterSiteService service = sites.site("RegionOne").manager().create(new NewService("ext", ServiceType.L2,
                "default", List.of(Resource.of(ONE, network), Resource.regionOnly(TWO)))).service();
        sites.site("RegionOne").peers().down(THREE);

        assertThatThrownBy(() -> sites.site("RegionOne").manager().update(InProcessSites.ADMIN, service.id(),
                List.of(Resource.of(ONE, network), Resource.regionOnly(TWO), Resource.regionOnly(THREE))))
                .isInstanceOfSatisfying(PeerException.class, e -> assertThat(e.region()).isEqualTo(THREE));

        InterSiteService after = sites.site("RegionOne").manager().get(InProcessSites.ADMIN, service.id()).service();
        assertThat(after.resources()).hasSize(2);
        assertThat(after.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(((L2Params) after.params()).ledger().orElseThrow())
                .isEqualTo(((L2Params) service.params()).ledger().orElseThrow());
    }

    @Test
    void aChangeSentToANonMasterSiteIsCarriedOutByTheMaster() {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        InterSiteService service = sites.site("RegionOne").manager().create(new NewService("ext", ServiceType.L2,
                "default", List.of(Resource.of(ONE, network), Resource.regionOnly(TWO)))).service();

        InterSiteService grown = sites.site("RegionTwo").manager().update(InProcessSites.ADMIN, service.id(),
                List.of(Resource.of(ONE, network), Resource.regionOnly(TWO), Resource.regionOnly(THREE))).service();

        assertThat(grown.master()).isEqualTo(ONE);
        assertThat(grown.resources()).hasSize(3);
        assertThat(sites.site("RegionThree").store().find(service.id())).isPresent();
        assertThat(sites.site("RegionOne").manager().get(InProcessSites.ADMIN, service.id()).service().resources()).hasSize(3);
    }

    @Test
    void aDeleteFinishesAtLiveSitesAndTheDownSitesPartGoesWhenItComesBack() {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        List<IpRange> poolsBefore = sites.site("RegionOne").vim().subnetsOf(network).getFirst().allocationPools();
        InterSiteService service = sites.site("RegionOne").manager().create(l2(network)).service();
        sites.site("RegionOne").peers().down(THREE);

        var pending = sites.site("RegionOne").manager().delete(InProcessSites.ADMIN, service.id());

        assertThat(pending).as("accepted, not finished").isPresent();
        assertThat(pending.get().state()).isEqualTo(ServiceState.DELETING);
        assertThat(sites.site("RegionTwo").store().find(service.id())).as("the live site is done").isEmpty();
        assertThat(sites.site("RegionThree").store().find(service.id())).as("the cut-off site still serves").isPresent();

        sites.site("RegionOne").peers().up(THREE);
        awaitUntil(() -> {
            sites.reconcile();
            return sites.site("RegionOne").store().find(service.id()).isEmpty();
        });
        assertThat(sites.site("RegionThree").store().find(service.id())).isEmpty();
        assertThat(sites.site("RegionThree").embedded().networks().list()).isEmpty();
        assertThat(sites.site("RegionOne").vim().subnetsOf(network).getFirst().allocationPools()).isEqualTo(poolsBefore);
    }

    @Test
    void aLostPoolGrantIsAskedAgainAndGetsTheSamePool() {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        InterSiteService service = sites.site("RegionOne").manager().create(l2(network)).service();
        sites.site("RegionTwo").peers().loseNextPoolAnswer(ONE);

        InterSiteService grown = sites.site("RegionTwo").manager().requestPool(InProcessSites.ADMIN, service.id()).service();

        List<IpRange> pools = ((L2Params) grown.params()).localPools();
        assertThat(pools).hasSize(2);
        L2Params master = (L2Params) sites.site("RegionOne").store().find(service.id()).orElseThrow().params();
        java.math.BigInteger charged = master.ledger().orElseThrow().assignedTo(TWO).stream()
                .map(IpRange::size).reduce(java.math.BigInteger.ZERO, java.math.BigInteger::add);
        assertThat(charged).as("the ledger charged the site once").isEqualTo(pools.get(0).size().add(pools.get(1).size()));
    }

    @Test
    void aSiteCutOffFromItsMasterKeepsItsPoolsAndGetsTheNewOneWhenTheMasterAnswers() {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        InterSiteService service = sites.site("RegionOne").manager().create(l2(network)).service();
        List<IpRange> before = ((L2Params) sites.site("RegionTwo").store().find(service.id()).orElseThrow().params())
                .localPools();
        sites.site("RegionTwo").peers().down(ONE);

        assertThatThrownBy(() -> sites.site("RegionTwo").manager().requestPool(InProcessSites.ADMIN, service.id()))
                .isInstanceOfSatisfying(PeerException.class, e -> {
                    assertThat(e.region()).isEqualTo(ONE);
                    assertThat(e.getMessage()).contains("stays queued");
                });
        NetworkId copy = sites.site("RegionTwo").store().find(service.id()).orElseThrow().resourceAt(TWO).orElseThrow()
                .network().orElseThrow();
        assertThat(sites.site("RegionTwo").vim().subnetsOf(copy).getFirst().allocationPools())
                .as("the pools it has keep working").isEqualTo(before);

        sites.site("RegionTwo").peers().up(ONE);
        awaitUntil(() -> {
            sites.reconcile();
            return sites.site("RegionTwo").vim().subnetsOf(copy).getFirst().allocationPools().size() == 2;
        });
        assertThat(sites.site("RegionTwo").manager().get(InProcessSites.ADMIN, service.id()).pending()).as("nothing left queued").isEmpty();
    }

    @Test
    void theMastersAuditRebuildsAPartASiteLostAndSetsItsOwnPoolsBack() {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        InterSiteService service = sites.site("RegionOne").manager().create(l2(network)).service();
        NetworkId lost = service.resourceAt(TWO).orElseThrow().network().orElseThrow();
        awaitUntil(() -> sites.site("RegionOne").manager().get(InProcessSites.ADMIN, service.id()).pending().isEmpty());
        // RegionTwo loses its part (say its database was restored from an old backup and its VIM cleaned).
        sites.site("RegionTwo").store().delete(service.id());
        sites.site("RegionTwo").vim().deleteNetwork(lost);
        // Someone changes the master's pools behind DIMINET's back.
        String subnet = ((L2Params) service.params()).localSubnetId();
        sites.site("RegionOne").vim().updateAllocationPools(subnet, List.of(new IpRange("10.9.0.2", "10.9.0.254")));

        assertThat(sites.site("RegionOne").reconciler().audit()).as("repairs started").isEqualTo(1);

        InterSiteService atTwo = sites.site("RegionTwo").store().find(service.id()).orElseThrow();
        assertThat(atTwo.state()).isEqualTo(ServiceState.ACTIVE);
        NetworkId rebuilt = atTwo.resourceAt(TWO).orElseThrow().network().orElseThrow();
        assertThat(rebuilt).isNotEqualTo(lost);
        L2Params master = (L2Params) sites.site("RegionOne").store().find(service.id()).orElseThrow().params();
        assertThat(((L2Params) atTwo.params()).localPools()).as("the pools the ledger still gives it")
                .isEqualTo(master.ledger().orElseThrow().assignedTo(TWO));
        awaitUntil(() -> sites.site("RegionOne").store().find(service.id()).orElseThrow().resourceAt(TWO)
                .flatMap(Resource::network).equals(java.util.Optional.of(rebuilt)));
        assertThat(sites.site("RegionOne").vim().subnetsOf(network).getFirst().allocationPools())
                .as("the master's own pools set back").isEqualTo(master.localPools());
        assertThat(sites.site("RegionOne").reconciler().audit()).as("nothing left to repair").isZero();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static NewService l2(NetworkId network) {
        return new NewService("ext", ServiceType.L2, "default",
                List.of(Resource.of(ONE, network), Resource.regionOnly(TWO), Resource.regionOnly(THREE)));
    }
}
