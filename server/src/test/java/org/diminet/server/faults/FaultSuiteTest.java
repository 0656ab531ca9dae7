package org.diminet.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.faults.SiteClient.networkOf;
import static org.diminet.server.faults.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.diminet.server.faults.JsonClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Faults in the network and crashes, against three DIMINET sites running as separate processes. For
 * every kind of operation (L2 and L3 create, a site added, a site removed, a delete) a fault hits the
 * East-West step at RegionThree (or the step after it): RegionThree unreachable before the step, its
 * request lost, its answer lost, RegionThree silent for a while, the step after it lost, or the master
 * SIGKILLed while the step is on its way (then restarted). The user's answer must be a clear one
 * (never a 500), and once the fault ends every site must converge: no VIM object that no service owns,
 * the same membership at every site, pools pairwise disjoint, no address on two ports, no service in a
 * transient state.
 */
@Tag("faults")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSuiteTest {
    private static final Duration CONVERGE = Duration.ofSeconds(45);
    private static final String ONE = "RegionOne";
    private static final String TWO = "RegionTwo";
    private static final String THREE = "RegionThree";

    /** Short limits, so that retries, revocations and the outbox play out within seconds. */
    static final Map<String, String> FAST = Map.of(
            "diminet.peer.connect-timeout", "1s",
            "diminet.peer.request-timeout", "2s",
            "diminet.operations.deadline", "4s",
            "diminet.operations.first-retry", "100ms",
            "diminet.operations.max-retry", "1s",
            "diminet.operations.reconcile-interval", "300ms",
            "diminet.operations.answer-wait", "1s",
            "diminet.operations.probe-interval", "500ms",
            "logging.level.org.diminet.phases", "WARN");

    enum Operation { CREATE, ADD_SITE, REMOVE_SITE, DELETE }

    enum Fault {
        UNREACHABLE_BEFORE, REQUEST_LOST, ANSWER_LOST, SILENT_FOR_3S, NEXT_STEP_LOST, MASTER_KILLED,
        MASTER_KILLED_AT_NEXT_STEP
    }

    private static final java.util.Set<Fault> EXPECT_SUCCESS =
            java.util.EnumSet.of(Fault.REQUEST_LOST, Fault.ANSWER_LOST, Fault.NEXT_STEP_LOST);

    record Scenario(String type, Operation operation, Fault fault) {
        @Override
        public String toString() {
            return type + " " + operation + ", " + fault;
        }
    }

    private ProcessCluster cluster;
    private final AtomicInteger counter = new AtomicInteger();
    private int faultsInjected;
    /** The networks the test itself made; any other network must belong to a service. */
    private Baseline baseline;

    @BeforeAll
    void start() {
        cluster = ProcessCluster.start(3, FAST);
        baseline = Baseline.record(cluster);
    }

    @AfterAll
    void stop() {
        System.out.println("fault suite: " + faultsInjected + " faults injected");
        if (cluster != null) {
            cluster.close();
        }
    }

    /** {@code -Ddiminet.faults.only=L2 CREATE} runs only the scenarios whose name contains that text. */
    @TestFactory
    List<DynamicTest> everyOperationConvergesAfterEveryFault() {
        String only = System.getProperty("diminet.faults.only", "");
        List<DynamicTest> tests = new ArrayList<>();
        for (String type : List.of("L3", "L2")) {
            for (Operation operation : Operation.values()) {
                for (Fault fault : Fault.values()) {
                    if ((fault == Fault.NEXT_STEP_LOST || fault == Fault.MASTER_KILLED_AT_NEXT_STEP)
                            && (operation == Operation.DELETE || (operation == Operation.CREATE && type.equals("L3")))) {
                        // A delete has no step after the removal; nor has an L3 create: every site got the
                        // final resource list with its part (only an L2 create tells the sites the networks
                        // the others made).
                        continue;
                    }
                    Scenario scenario = new Scenario(type, operation, fault);
                    if (!scenario.toString().contains(only)) {
                        continue;
                    }
                    tests.add(DynamicTest.dynamicTest(scenario.toString(), () -> run(scenario)));
                }
            }
        }
        return tests;
    }

    private void run(Scenario scenario) throws Exception {
        int n = counter.incrementAndGet();
        SiteClient one = cluster.client(ONE).withTimeout(Duration.ofSeconds(30));
        List<ObjectNode> all = resources(scenario.type(), n);
        List<ObjectNode> withoutThree = all.subList(0, 2);
        Optional<String> existing = Optional.empty();
        if (scenario.operation() != Operation.CREATE) {
            List<ObjectNode> initial = scenario.operation() == Operation.ADD_SITE ? withoutThree : all;
            existing = Optional.of(one.createService("s" + n, scenario.type(), initial.toArray(ObjectNode[]::new))
                    .expect(201).field("global_id"));
        }
        if (scenario.type().equals("L2")) {
            one.createPortIp(networkAt(ONE, all));
        }

        FaultProxy three = cluster.proxy(THREE);
        RequestMatcher step = switch (scenario.operation()) {
            case CREATE, ADD_SITE -> RequestMatcher.of("POST", "/api/intersite-horizontal");
            case REMOVE_SITE, DELETE -> RequestMatcher.of("DELETE", "/api/intersite-horizontal/");
        };
        boolean killed = false;
        faultsInjected++;
        switch (scenario.fault()) {
            case UNREACHABLE_BEFORE -> three.cut();
            case REQUEST_LOST -> three.dropRequest(step, 1);
            case ANSWER_LOST -> three.dropResponse(step, 1);
            case SILENT_FOR_3S -> {
                three.blackhole();
                CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS).execute(three::heal);
            }
            case NEXT_STEP_LOST -> {
                // After a create or an addition the sites are told the final resource list; after a
                // removal the staying site is.
                FaultProxy next = scenario.operation() == Operation.REMOVE_SITE ? cluster.proxy(TWO) : three;
                next.dropRequest(RequestMatcher.of("PUT", "/api/intersite-horizontal/"), 2);
            }
            case MASTER_KILLED -> {
                three.onNextRequest(step, () -> cluster.kill(ONE));
                killed = true;
            }
            case MASTER_KILLED_AT_NEXT_STEP -> {
                // The change took effect; the master dies while telling a site the final resource list.
                FaultProxy next = scenario.operation() == Operation.REMOVE_SITE ? cluster.proxy(TWO) : three;
                next.onNextRequest(RequestMatcher.of("PUT", "/api/intersite-horizontal/"), () -> cluster.kill(ONE));
                killed = true;
            }
        }

        Optional<Answer> answer = act(scenario, one, existing, all, withoutThree);

        if (scenario.fault() == Fault.UNREACHABLE_BEFORE) {
            expectWhileThreeIsCut(scenario, answer.orElseThrow());
            Thread.sleep(1_000);
        }
        answer.ifPresent(a -> assertThat(a.status()).as("a clear answer, never a 500: " + a.text())
                .isIn(200, 201, 202, 204, 409, 502, 503, 504));
        if (EXPECT_SUCCESS.contains(scenario.fault())) {
            // A lost request or answer is asked again within the deadline: the user sees no failure.
            int success = switch (scenario.operation()) {
                case CREATE -> 201;
                case ADD_SITE, REMOVE_SITE -> 200;
                case DELETE -> 204;
            };
            assertThat(answer.orElseThrow().status()).as(answer.get().text()).isEqualTo(success);
        }
        cluster.healAll();
        if (killed) {
            if (scenario.fault() == Fault.MASTER_KILLED) {
                assertThat(answer).as("the master died while the user waited").isEmpty();
            }
            awaitDeath(ONE);
            cluster.restart(ONE);
        }

        Duration took = Convergence.await(cluster, CONVERGE, baseline);
        System.out.printf("fault suite: %-40s converged %5d ms after the fault ended%n", scenario, took.toMillis());
        machinesAtEverySiteGetDistinctAddresses(scenario, all);
    }

    /** A kill on a later step may come after the answer: wait for it, so the restart follows it. */
    private void awaitDeath(String region) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (cluster.isAlive(region) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(cluster.isAlive(region)).as(region + " was killed").isFalse();
    }

    /** What a user is told while RegionThree cannot be reached at all. */
    private static void expectWhileThreeIsCut(Scenario scenario, Answer answer) {
        switch (scenario.operation()) {
            case CREATE, ADD_SITE -> {
                assertThat(answer.status()).as(answer.text()).isEqualTo(503);
                assertThat(answer.field("region")).isEqualTo(THREE);
            }
            case REMOVE_SITE -> {
                assertThat(answer.status()).as(answer.text()).isEqualTo(200);
                assertThat(answer.field("state")).as("works, with RegionThree's removal pending").isEqualTo("DEGRADED");
            }
            case DELETE -> {
                assertThat(answer.status()).as(answer.text()).isEqualTo(202);
                assertThat(answer.field("state")).isEqualTo("DELETING");
            }
        }
    }

    private Optional<Answer> act(Scenario scenario, SiteClient one, Optional<String> existing, List<ObjectNode> all,
                                 List<ObjectNode> withoutThree) {
        try {
            return Optional.of(switch (scenario.operation()) {
                case CREATE -> one.createService("c" + counter.get(), scenario.type(), all.toArray(ObjectNode[]::new));
                case ADD_SITE -> one.updateService(existing.orElseThrow(), all.toArray(ObjectNode[]::new));
                case REMOVE_SITE -> one.updateService(existing.orElseThrow(), withoutThree.toArray(ObjectNode[]::new));
                case DELETE -> one.deleteService(existing.orElseThrow());
            });
        } catch (RuntimeException e) {
            if (!cluster.isAlive(ONE)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Machines booted at every site of every L2 service now get addresses that no other site hands
     * out (the convergence check then looks at them).
     */
    private void machinesAtEverySiteGetDistinctAddresses(Scenario scenario, List<ObjectNode> all) {
        if (!scenario.type().equals("L2")) {
            return;
        }
        for (String region : cluster.regions()) {
            SiteClient site = cluster.client(region);
            for (JsonNode service : site.services()) {
                String network = networkOf(service, region);
                if ("L2".equals(service.path("type").asText()) && network != null && !region.equals(ONE)) {
                    site.createPortIp(network);
                }
            }
        }
        assertThat(Convergence.check(cluster, baseline)).isEmpty();
    }

    /** Fresh networks for scenario {@code n}: L3 one per site; L2 the master's only. */
    private List<ObjectNode> resources(String type, int n) {
        if (type.equals("L3")) {
            List<ObjectNode> list = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String region = cluster.region(i);
                String network = cluster.client(region).createNetwork("r" + n + "-" + i, "10." + n + "." + i + ".0/24");
                baseline = baseline.with(region, network);
                list.add(resource(region, network));
            }
            return list;
        }
        String network = cluster.client(ONE).createNetwork("x" + n, "172.20." + n + ".0/24");
        baseline = baseline.with(ONE, network);
        return List.of(resource(ONE, network), resource(TWO, null), resource(THREE, null));
    }

    private static String networkAt(String region, List<ObjectNode> resources) {
        return resources.stream().filter(r -> r.path("region").asText().equals(region)).findFirst()
                .map(r -> r.path("network").asText()).orElseThrow();
    }
}
