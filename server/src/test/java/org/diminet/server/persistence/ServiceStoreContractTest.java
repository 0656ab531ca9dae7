package org.diminet.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.diminet.server.persistence.ServiceFixtures.HERE;
import static org.diminet.server.persistence.ServiceFixtures.T0;
import static org.diminet.server.persistence.ServiceFixtures.aNetwork;
import static org.diminet.server.persistence.ServiceFixtures.anL2Master;
import static org.diminet.server.persistence.ServiceFixtures.anL2PartMasteredElsewhere;
import static org.diminet.server.persistence.ServiceFixtures.anL3Service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.L2Params;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.error.ConflictException;
import org.diminet.core.domain.error.NotFoundException;
import org.diminet.core.store.ServiceStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every {@link JdbcServiceStore} must do, whatever the database. A subclass provides a migrated
 * data source for the whole class; the tables are emptied before each test.
 */
abstract class ServiceStoreContractTest {

    private ServiceStore store;

    /** A data source migrated by {@link Databases#open}, shared by the tests of the class. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void emptyTablesAndOpenStore() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        jdbc.update("DELETE FROM network_claims");
        jdbc.update("DELETE FROM services");
        jdbc.update("DELETE FROM abandoned_operations");
        store = new JdbcServiceStore(dataSource(), HERE);
    }

    // --- round trips ------------------------------------------------------------------------------

    @Test
    void anL2MasterReadsBackAsWritten() {
        InterSiteService service = anL2Master(aNetwork()).build();
        L2Params params = (L2Params) service.params();
        assertThat(params.ledger()).hasValueSatisfying(ledger -> {
            assertThat(ledger.assigned()).containsKeys(ServiceFixtures.HERE, ServiceFixtures.THERE);
            assertThat(ledger.free()).isNotEmpty();
        });
        assertThat(service.resources()).anySatisfy(r -> assertThat(r.network()).isEmpty());
        assertThat(service.connections()).anySatisfy(c -> assertThat(c.remoteNetwork()).isEmpty());
        assertThat(service.attachment()).isPresent();

        store.insert(service);

        assertThat(store.find(service.id())).contains(service);
    }

    @Test
    void anL2PartWithoutLedgerGatewayOrAttachmentReadsBackAsWritten() {
        InterSiteService service = anL2PartMasteredElsewhere(aNetwork()).build();
        L2Params params = (L2Params) service.params();
        assertThat(params.ledger()).isEmpty();
        assertThat(params.gatewayIp()).isNull();
        assertThat(service.attachment()).isEmpty();

        store.insert(service);

        assertThat(store.find(service.id())).contains(service);
    }

    @Test
    void anL3ServiceReadsBackAsWritten() {
        InterSiteService service = anL3Service(aNetwork()).inState(ServiceState.CREATING).build();

        store.insert(service);

        assertThat(store.find(service.id())).contains(service);
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThat(store.find(GlobalId.random())).isEmpty();
    }

    @Test
    void instantsAreKeptToTheMicrosecond() {
        Instant withNanos = Instant.parse("2025-05-01T08:00:00.123456789Z");
        InterSiteService service = anL3Service(aNetwork()).createdAt(withNanos).build();

        store.insert(service);

        InterSiteService read = store.find(service.id()).orElseThrow();
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2025-05-01T08:00:00.123456Z"));
        assertThat(read.updatedAt()).isEqualTo(Instant.parse("2025-05-01T08:00:00.123456Z"));
    }

    @Test
    void listIsOldestFirstThenByIdAndEmptyAtFirst() {
        assertThat(store.list()).isEmpty();
        InterSiteService newest = anL3Service(aNetwork()).createdAt(T0.plusSeconds(60)).build();
        InterSiteService oldest = anL2Master(aNetwork()).createdAt(T0.minusSeconds(60)).build();
        InterSiteService middleB = anL3Service(aNetwork()).withId("00000000-0000-0000-0000-00000000000b").build();
        InterSiteService middleA = anL2PartMasteredElsewhere(null)
                .withId("00000000-0000-0000-0000-00000000000a").build();
        InterSiteService almostOldest = anL3Service(aNetwork()).createdAt(T0.minusSeconds(60).plusNanos(1_000))
                .build();
        for (InterSiteService s : List.of(newest, middleB, oldest, middleA, almostOldest)) {
            store.insert(s);
        }

        assertThat(store.list()).containsExactly(oldest, almostOldest, middleA, middleB, newest);
    }

    @Test
    void pagesFollowTheListOrder_onlyTheProjectAsked_andEndEmpty() {
        List<InterSiteService> all = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Two services per instant, so the id breaks ties across page boundaries.
            all.add(anL3Service(aNetwork()).createdAt(T0.plusSeconds(i / 2)).inProject(i % 3 == 0 ? "other" : "demo")
                    .withId("00000000-0000-0000-0000-00000000000" + (9 - i)).build());
        }
        all.forEach(store::insert);
        List<InterSiteService> ordered = store.list();

        List<InterSiteService> pages = new java.util.ArrayList<>();
        java.util.Optional<InterSiteService> after = java.util.Optional.empty();
        for (int page = 0; page < 10; page++) {
            List<InterSiteService> got = store.page(java.util.Optional.empty(), after, 3);
            if (got.isEmpty()) {
                break;
            }
            assertThat(got.size()).isLessThanOrEqualTo(3);
            pages.addAll(got);
            after = java.util.Optional.of(got.getLast());
        }
        assertThat(pages).as("every page in turn, each service once").containsExactlyElementsOf(ordered);

        List<InterSiteService> demo = ordered.stream().filter(s -> s.project().equals("demo")).toList();
        List<InterSiteService> first = store.page(java.util.Optional.of("demo"), java.util.Optional.empty(), 2);
        assertThat(first).containsExactlyElementsOf(demo.subList(0, 2));
        assertThat(store.page(java.util.Optional.of("demo"), java.util.Optional.of(first.getLast()), 10))
                .containsExactlyElementsOf(demo.subList(2, demo.size()));
    }

    @Test
    void walkingEveryServiceInPagesSeesEachOnceInListOrder_evenWhileItRemovesSome() {
        for (int i = 0; i < 9; i++) {
            store.insert(anL3Service(aNetwork()).createdAt(T0.plusSeconds(i / 3)).inProject(i % 2 == 0 ? "demo" : "other")
                    .withId("00000000-0000-0000-0000-00000000001" + i).build());
        }
        List<InterSiteService> ordered = store.list();

        List<InterSiteService> walked = new java.util.ArrayList<>();
        // Pages of 3 over 9 services: the walk ends on an empty page; each page's last is removed on the way,
        // as the reconciler removes parts their master no longer counts, and the next page still follows it.
        store.forEachPaged(java.util.Optional.empty(), 3, service -> {
            walked.add(service);
            if (walked.size() % 3 == 0) {
                store.delete(service.id());
            }
        });
        assertThat(walked).containsExactlyElementsOf(ordered);

        List<InterSiteService> demo = new java.util.ArrayList<>();
        store.forEachPaged(java.util.Optional.of("demo"), 2, demo::add);
        assertThat(demo).allMatch(s -> s.project().equals("demo")).hasSize(3);
    }

    // --- update -----------------------------------------------------------------------------------

    @Test
    void updateReplacesTheServiceAndMovesItsClaim() {
        NetworkId first = aNetwork();
        NetworkId second = aNetwork();
        InterSiteService original = anL3Service(first).withId(GlobalId.random()).build();
        store.insert(original);

        InterSiteService changed = anL3Service(second).withId(original.id()).named("renamed")
                .inProject("other-project").inState(ServiceState.UPDATING).withoutAttachment()
                .updatedAt(T0.plusSeconds(5)).build();
        store.update(changed);

        assertThat(store.find(original.id())).contains(changed);
        assertThat(store.list()).containsExactly(changed);
        // The old network is free again, the new one is held.
        store.insert(anL3Service(first).build());
        assertThatThrownBy(() -> store.insert(anL3Service(second).build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.problemType()).isEqualTo("network-in-use");
                    assertThat(e.getMessage()).contains(second.value(), original.id().toString());
                });
    }

    @Test
    void updateKeepingTheSameNetworkKeepsTheClaim() {
        NetworkId network = aNetwork();
        InterSiteService original = anL2Master(network).build();
        store.insert(original);

        InterSiteService deleting = original.withState(ServiceState.DELETING, T0.plusSeconds(1));
        store.update(deleting);

        assertThat(store.find(original.id())).contains(deleting);
        assertThatThrownBy(() -> store.insert(anL2Master(network).build()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void updateOntoANetworkHeldByAnotherServiceIsRefusedAndChangesNothing() {
        NetworkId held = aNetwork();
        InterSiteService holder = anL2Master(held).build();
        InterSiteService other = anL2Master(aNetwork()).build();
        store.insert(holder);
        store.insert(other);

        InterSiteService moved = anL2Master(held).withId(other.id()).named("moved").build();
        assertThatThrownBy(() -> store.update(moved))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.problemType()).isEqualTo("network-in-use");
                    assertThat(e.getMessage()).contains(held.value(), "L2", holder.id().toString(), HERE.name());
                });

        assertThat(store.find(other.id())).contains(other);
        // other still holds its own network (the refused update rolled back the claim's removal).
        NetworkId othersNetwork = other.resourceAt(HERE).orElseThrow().network().orElseThrow();
        assertThatThrownBy(() -> store.insert(anL2Master(othersNetwork).build()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void updatingAnUnknownServiceIsNotFound() {
        InterSiteService unknown = anL3Service(aNetwork()).build();

        assertThatThrownBy(() -> store.update(unknown))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.problemType()).isEqualTo("service-not-found");
                    assertThat(e.getMessage()).isEqualTo("service " + unknown.id() + " is not known at RegionOne");
                });
        assertThat(store.list()).isEmpty();
    }

    // --- claims -----------------------------------------------------------------------------------

    @Test
    void aSecondServiceOverTheSameNetworkAndTypeIsRefusedNamingTheHolder() {
        NetworkId network = aNetwork();
        InterSiteService holder = anL2Master(network).build();
        store.insert(holder);

        InterSiteService second = anL2Master(network).build();
        assertThatThrownBy(() -> store.insert(second))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.problemType()).isEqualTo("network-in-use");
                    assertThat(e.getMessage()).isEqualTo("network " + network + " is already part of L2 service "
                            + holder.id() + " at RegionOne");
                });
        assertThat(store.find(second.id())).isEmpty();
        assertThat(store.list()).containsExactly(holder);
    }

    @Test
    void theSameNetworkMayBeInOneServiceOfEachType() {
        NetworkId network = aNetwork();
        InterSiteService l2 = anL2Master(network).build();
        InterSiteService l3 = anL3Service(network).createdAt(T0.plusSeconds(1)).build();

        store.insert(l2);
        store.insert(l3);

        assertThat(store.list()).containsExactly(l2, l3);
    }

    @Test
    void aServiceWithoutALocalNetworkYetClaimsNothing() {
        InterSiteService first = anL2PartMasteredElsewhere(null).build();
        InterSiteService second = anL2PartMasteredElsewhere(null).createdAt(T0.plusSeconds(1)).build();
        InterSiteService notHere = anL3Service(aNetwork()).withoutLocalResource().createdAt(T0.plusSeconds(2))
                .build();

        store.insert(first);
        store.insert(second);
        store.insert(notHere);
        assertThat(store.list()).containsExactly(first, second, notHere);

        // Once the network exists here, the part claims it.
        NetworkId created = aNetwork();
        store.update(anL2PartMasteredElsewhere(created).withId(first.id()).build());
        assertThatThrownBy(() -> store.update(anL2PartMasteredElsewhere(created).withId(second.id()).build()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.getMessage()).contains(first.id().toString()));
    }

    @Test
    void anExistingIdIsRefused() {
        InterSiteService service = anL3Service(aNetwork()).build();
        store.insert(service);

        InterSiteService sameId = anL2Master(aNetwork()).withId(service.id()).build();
        assertThatThrownBy(() -> store.insert(sameId))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.problemType()).isEqualTo("service-exists");
                    assertThat(e.getMessage()).contains(service.id().toString());
                });
        assertThat(store.find(service.id())).contains(service);
    }

    // --- delete -----------------------------------------------------------------------------------

    @Test
    void deleteRemovesTheServiceFreesItsClaimAndReportsWhetherThereWasOne() {
        NetworkId network = aNetwork();
        InterSiteService service = anL2Master(network).build();
        store.insert(service);

        assertThat(store.delete(service.id())).isTrue();
        assertThat(store.find(service.id())).isEmpty();
        assertThat(store.delete(service.id())).isFalse();

        InterSiteService successor = anL2Master(network).build();
        store.insert(successor);
        assertThat(store.list()).containsExactly(successor);
    }

    // --- abandoned operations ---------------------------------------------------------------------

    @Test
    void abandonedOperationsAreRememberedIdempotently() {
        UUID abandoned = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        assertThat(store.isAbandoned(abandoned)).isFalse();

        store.recordAbandoned(abandoned);
        store.recordAbandoned(abandoned);

        assertThat(store.isAbandoned(abandoned)).isTrue();
        assertThat(store.isAbandoned(other)).isFalse();
        assertThat(new JdbcTemplate(dataSource()).queryForObject(
                "SELECT COUNT(*) FROM abandoned_operations", Long.class)).isEqualTo(1L);
    }

    // --- concurrency ------------------------------------------------------------------------------

    @Test
    void ofEightConcurrentClaimsOfOneNetworkExactlyOneWins() throws Exception {
        int threads = 8;
        NetworkId network = aNetwork();
        List<InterSiteService> contenders = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            contenders.add(anL2Master(network).named("contender-" + i).build());
        }
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Throwable>> outcomes = new ArrayList<>();
        try {
            for (InterSiteService contender : contenders) {
                outcomes.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        store.insert(contender);
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            int successes = 0;
            for (Future<Throwable> outcome : outcomes) {
                Throwable failure = outcome.get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
                if (failure == null) {
                    successes++;
                } else {
                    failures.add(failure);
                }
            }

            assertThat(successes).isEqualTo(1);
            assertThat(failures).hasSize(threads - 1).allSatisfy(f -> assertThat(f)
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.problemType()).isEqualTo("network-in-use")));
            List<InterSiteService> stored = store.list();
            assertThat(stored).hasSize(1);
            assertThat(contenders).contains(stored.get(0));
            assertThat(failures).allSatisfy(f -> assertThat(f.getMessage()).contains(stored.get(0).id().toString()));
        } finally {
            pool.shutdownNow();
        }
    }
}
