package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.Addresses.eventually;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.regionOnly;
import static org.diminet.server.it.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddressSeqRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.diminet.server.it.SiteClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * L3 routing and L2 extension across six separate sites over real HTTP on loopback. Each test uses
 * its own networks and CIDRs, so tests share the cluster without seeing each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterSiteServicesIntegrationTest {
    private MultiSiteCluster cluster;

    @BeforeAll
    void startSites() throws Exception {
        cluster = MultiSiteCluster.start(6);
    }

    @AfterAll
    void stopSites() {
        cluster.close();
    }

    private SiteClient site(int i) {
        return cluster.site(i);
    }

    // ---------------------------------------------------------------- L3

    @ParameterizedTest(name = "L3 routing across {0} sites")
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void l3RoutingConnectsOneNetworkPerSite(int sites) throws Exception {
        ObjectNode[] resources = new ObjectNode[sites];
        for (int i = 0; i < sites; i++) {
            String network = site(i).createNetwork("l3-" + sites + "-" + i, "10." + (sites * 10 + i) + ".0.0/24");
            resources[i] = resource(cluster.region(i), network);
        }

        Answer created = check(site(0).create("routing-" + sites, "L3", resources), 201);

        String id = created.text("global_id");
        assertThat(created.text("state")).isEqualTo("ACTIVE");
        assertThat(created.text("master")).isEqualTo("RegionOne");
        assertThat(created.text("resource_global")).isEqualTo(id);
        Map<String, String> exportOf = new LinkedHashMap<>();
        for (int i = 0; i < sites; i++) {
            JsonNode view = check(site(i).get(id), 200).body();
            assertThat(view.get("resources")).hasSize(sites);
            assertThat(view.get("connections")).hasSize(sites - 1);
            exportOf.put(cluster.region(i), view.get("data_plane").get("export_target").asText());
        }
        assertThat(new HashSet<>(exportOf.values())).as("every site exports its own route target").hasSize(sites);
        for (int i = 0; i < sites; i++) {
            JsonNode view = site(i).get(id).body();
            Set<String> imports = new HashSet<>();
            view.get("data_plane").get("import_targets").forEach(t -> imports.add(t.asText()));
            Set<String> othersExports = new HashSet<>(exportOf.values());
            othersExports.remove(exportOf.get(cluster.region(i)));
            assertThat(imports).as("%s imports every other site's routes", cluster.region(i)).isEqualTo(othersExports);
        }
        for (int i = sites; i < 6; i++) {
            assertThat(site(i).get(id).status()).as("%s is not part of the service", cluster.region(i)).isEqualTo(404);
        }
    }

    @Test
    void overlappingCidrsAreRefusedAndNothingIsLeftAnywhere() {
        String a = site(0).createNetwork("overlap-a", "10.200.0.0/16");
        String b = site(1).createNetwork("overlap-b", "10.200.5.0/24");
        String c = site(2).createNetwork("overlap-c", "10.201.0.0/24");

        Answer refused = site(0).create("overlapping", "L3",
                resource("RegionOne", a), resource("RegionTwo", b), resource("RegionThree", c));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("problem")).isEqualTo("cidr-overlap");
        assertThat(refused.text("detail")).contains(a, b, "10.200.0.0/16", "10.200.5.0/24", "RegionOne", "RegionTwo");
        for (int i = 0; i < 3; i++) {
            assertThat(namesAt(i)).doesNotContain("overlapping");
        }
        // The networks were released: a valid service over two of them goes through.
        check(site(0).create("not-overlapping", "L3", resource("RegionOne", a), resource("RegionThree", c)), 201);
    }

    @Test
    void aNetworkIsInAtMostOneRoutingServiceEvenUnderConcurrentRequests() throws Exception {
        String a = site(0).createNetwork("race-l3-a", "10.210.0.0/24");
        String b = site(1).createNetwork("race-l3-b", "10.211.0.0/24");

        List<Answer> answers = concurrently(4, () -> site(0).create("race-l3", "L3",
                resource("RegionOne", a), resource("RegionTwo", b)));

        assertThat(answers).extracting(Answer::status).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(namesAt(0).stream().filter("race-l3"::equals)).hasSize(1);
        assertThat(namesAt(1).stream().filter("race-l3"::equals)).hasSize(1);
    }

    // ---------------------------------------------------------------- L2

    @Test
    void l2ExtensionToTwoSitesSplitsTheAddressSpace() throws Exception {
        extendAndCheckPools("172.20.2.0/24", 2);
    }

    @Test
    void l2ExtensionToFiveSitesSplitsTheAddressSpace() throws Exception {
        extendAndCheckPools("172.20.5.0/24", 5);
    }

    @Test
    void l2ExtensionOfAnIpv6Network() throws Exception {
        extendAndCheckPools("fd00:20:6::/64", 2);
    }

    private void extendAndCheckPools(String cidr, int remotes) throws Exception {
        String network = site(0).createNetwork("ext-" + cidr, cidr);
        ObjectNode[] resources = new ObjectNode[remotes + 1];
        resources[0] = resource("RegionOne", network);
        for (int i = 1; i <= remotes; i++) {
            resources[i] = regionOnly(cluster.region(i));
        }

        Answer created = check(site(0).create("l2-" + cidr, "L2", resources), 201);
        String id = created.text("global_id");

        Map<Integer, String> networkAt = new LinkedHashMap<>();
        created.body().get("resources").forEach(r ->
                networkAt.put(cluster.regions().indexOf(r.get("region").asText()), r.get("network").asText()));
        assertThat(networkAt).hasSize(remotes + 1).doesNotContainValue(null);

        List<IPAddressSeqRange> allPools = new ArrayList<>();
        Set<String> addresses = new HashSet<>();
        for (var entry : networkAt.entrySet()) {
            SiteClient s = site(entry.getKey());
            List<JsonNode> subnets = s.subnetsOf(entry.getValue());
            assertThat(subnets).hasSize(1);
            JsonNode subnet = subnets.getFirst();
            assertThat(subnet.get("cidr").asText()).isEqualTo(cidr);
            List<IPAddressSeqRange> pools = Addresses.pools(subnet);
            for (IPAddressSeqRange pool : pools) {
                assertThat(Addresses.inside(cidr, pool)).as("pool %s inside %s", pool, cidr).isTrue();
                assertThat(pool.contains(Addresses.ip(subnet.get("gateway_ip").asText()))).isFalse();
                for (IPAddressSeqRange other : allPools) {
                    assertThat(pool.overlaps(other)).as("%s overlaps %s", pool, other).isFalse();
                }
            }
            allPools.addAll(pools);
            for (int p = 0; p < 6; p++) {
                String ip = s.createPortIp(entry.getValue());
                assertThat(pools.stream().anyMatch(pool -> pool.contains(Addresses.ip(ip))))
                        .as("%s got %s from its own pools", s.region, ip).isTrue();
                assertThat(addresses.add(ip)).as("address %s handed out twice", ip).isTrue();
            }
        }
        assertThat(addresses).hasSize(6 * (remotes + 1));
        for (int i = 1; i <= remotes; i++) {
            SiteClient remote = site(i);
            eventually(() -> allNetworksKnown(remote.get(id).body()), remote.region + " learns every site's network");
        }
    }

    @Test
    void l2ExtensionIntoASiteWhereTheCidrIsTakenIsRefusedWithNothingLeft() {
        String network = site(0).createNetwork("taken-src", "172.21.0.0/24");
        site(2).createNetwork("taken-dst", "172.21.0.0/25");
        int networksAtTwo = site(1).networks().size();

        Answer refused = site(0).create("taken", "L2", resource("RegionOne", network),
                regionOnly("RegionTwo"), regionOnly("RegionThree"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("problem")).isEqualTo("cidr-in-use");
        assertThat(refused.text("detail")).contains("RegionThree", "172.21.0.0/24");
        assertThat(site(1).networks()).as("RegionTwo's copy was removed again").hasSize(networksAtTwo);
        assertThat(Addresses.pools(site(0).subnetsOf(network).getFirst()).getFirst().getCount().intValue())
                .as("RegionOne's pools restored").isEqualTo(253);
        assertThat(namesAt(0)).doesNotContain("taken");
    }

    @Test
    void twoConcurrentExtensionsOfOneNetworkYieldOneService() throws Exception {
        String network = site(0).createNetwork("race-l2", "172.22.0.0/24");
        int networksAtFour = site(3).networks().size();
        int networksAtFive = site(4).networks().size();

        List<Answer> answers = concurrently(2, new Callable<>() {
            private int call;

            @Override
            public synchronized Answer call() {
                String target = (call++ % 2 == 0) ? "RegionFour" : "RegionFive";
                return site(0).create("race-l2", "L2", resource("RegionOne", network), regionOnly(target));
            }
        });

        assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(201, 409);
        assertThat(site(3).networks().size() + site(4).networks().size())
                .as("exactly one remote copy exists").isEqualTo(networksAtFour + networksAtFive + 1);
    }

    @Test
    void putAddsAndRemovesSitesOfAnExtension() throws Exception {
        String network = site(0).createNetwork("grow", "172.23.0.0/24");
        String id = check(site(0).create("grow", "L2", resource("RegionOne", network), regionOnly("RegionTwo")), 201)
                .text("global_id");
        String atTwo = networkOf(site(0).get(id).body(), "RegionTwo");

        JsonNode grown = check(site(0).put(id, resource("RegionOne", network), regionOnly("RegionTwo"),
                regionOnly("RegionThree")), 200).body();
        String atThree = networkOf(grown, "RegionThree");
        assertThat(atThree).isNotNull();
        IPAddressSeqRange poolThree = Addresses.pools(site(2).subnetsOf(atThree).getFirst()).getFirst();
        for (IPAddressSeqRange other : List.of(
                Addresses.pools(site(0).subnetsOf(network).getFirst()).getFirst(),
                Addresses.pools(site(1).subnetsOf(atTwo).getFirst()).getFirst())) {
            assertThat(poolThree.overlaps(other)).isFalse();
        }
        eventually(() -> site(1).get(id).body().get("resources").size() == 3, "RegionTwo learns RegionThree joined");

        String port = site(2).createPort(atThree).body().get("port").get("id").asText();
        Answer refused = site(0).put(id, resource("RegionOne", network), regionOnly("RegionTwo"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("problem")).isEqualTo("ports-attached");
        assertThat(refused.text("detail")).contains("RegionThree");
        assertThat(site(0).get(id).body().get("resources")).as("nothing changed").hasSize(3);
        check(site(2).deletePort(port), 204);

        JsonNode shrunk = check(site(0).put(id, resource("RegionOne", network), regionOnly("RegionThree")), 200).body();
        assertThat(shrunk.get("resources")).hasSize(2);
        assertThat(site(1).get(id).status()).isEqualTo(404);
        assertThat(site(1).networks()).extracting(n -> n.get("id").asText()).doesNotContain(atTwo);
        assertThat(shrunk.get("params").get("ledger").get("assigned").has("RegionTwo"))
                .as("RegionTwo's pool went back to the ledger").isFalse();
    }

    @Test
    void putAddsARoutedSiteAndRefusesAnOverlappingOne() {
        String a = site(0).createNetwork("l3-put-a", "10.220.0.0/24");
        String b = site(1).createNetwork("l3-put-b", "10.221.0.0/24");
        String c = site(2).createNetwork("l3-put-c", "10.222.0.0/24");
        String clash = site(3).createNetwork("l3-put-clash", "10.220.0.128/25");
        String id = check(site(0).create("l3-put", "L3", resource("RegionOne", a), resource("RegionTwo", b)), 201)
                .text("global_id");

        JsonNode grown = check(site(1).put(id, resource("RegionOne", a), resource("RegionTwo", b),
                resource("RegionThree", c)), 200).body();
        assertThat(grown.get("resources")).hasSize(3);
        assertThat(check(site(0).get(id), 200).body().get("connections")).hasSize(2);
        assertThat(check(site(2).get(id), 200).body().get("master").asText()).isEqualTo("RegionOne");

        Answer refused = site(0).put(id, resource("RegionOne", a), resource("RegionTwo", b),
                resource("RegionThree", c), resource("RegionFour", clash));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains(clash, "10.220.0.128/25");
        assertThat(site(3).get(id).status()).isEqualTo(404);
        assertThat(site(0).get(id).body().get("resources")).hasSize(3);
    }

    @Test
    void deleteAtANonMasterSiteRemovesTheServiceEverywhere() {
        String network = site(0).createNetwork("gone", "172.24.0.0/24");
        JsonNode before = site(0).subnetsOf(network).getFirst().get("allocation_pools");
        String id = check(site(0).create("gone", "L2", resource("RegionOne", network), regionOnly("RegionTwo"),
                regionOnly("RegionThree")), 201).text("global_id");
        JsonNode created = site(0).get(id).body();
        String atTwo = networkOf(created, "RegionTwo");
        String atThree = networkOf(created, "RegionThree");
        String port = site(2).createPort(atThree).body().get("port").get("id").asText();

        Answer refused = site(2).delete(id);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("RegionThree");
        assertThat(site(1).get(id).status()).as("refused delete leaves the service").isEqualTo(200);
        check(site(2).deletePort(port), 204);

        assertThat(site(2).delete(id).status()).isEqualTo(204);
        for (int i = 0; i < 3; i++) {
            assertThat(site(i).get(id).status()).isEqualTo(404);
        }
        assertThat(site(1).networks()).extracting(n -> n.get("id").asText()).doesNotContain(atTwo);
        assertThat(site(2).networks()).extracting(n -> n.get("id").asText()).doesNotContain(atThree);
        assertThat(site(0).subnetsOf(network).getFirst().get("allocation_pools"))
                .as("the master's subnet has its pools back").isEqualTo(before);
    }

    @Test
    void aDeleteThatGotHalfwayCanBeRetriedToTheEnd() {
        String a = site(0).createNetwork("halfway-a", "10.250.0.0/24");
        String b = site(1).createNetwork("halfway-b", "10.251.0.0/24");
        String c = site(2).createNetwork("halfway-c", "10.252.0.0/24");
        String id = check(site(0).create("halfway", "L3", resource("RegionOne", a), resource("RegionTwo", b),
                resource("RegionThree", c)), 201).text("global_id");
        // As if an earlier delete had removed RegionTwo's part before it was interrupted.
        check(cluster.asPeer("RegionOne", "RegionTwo").send("DELETE", "/api/intersite-horizontal/" + id, null), 204);

        assertThat(site(0).delete(id).status()).isEqualTo(204);

        for (int i = 0; i < 3; i++) {
            assertThat(site(i).get(id).status()).isEqualTo(404);
        }
    }

    @Test
    void aCreateThatArrivesAfterItsCompensationIsRefused() {
        String b = site(1).createNetwork("late-b", "10.253.0.0/24");
        String id = java.util.UUID.randomUUID().toString();
        String operation = java.util.UUID.randomUUID().toString();
        // The master gave up (say, a timeout) and compensated before its create reached RegionTwo.
        check(cluster.asPeer("RegionOne", "RegionTwo").send("DELETE", "/api/intersite-horizontal/" + id + "?abandoned_operation=" + operation, null), 204);
        ObjectNode late = SiteClient.JSON.createObjectNode().put("operation", operation).put("id", id)
                .put("name", "late").put("type", "L3").put("project", "admin").put("master", "RegionOne");
        late.putArray("resources").add(resource("RegionOne", "3b8360e6-e29a-4063-a8bc-7bbd0785d08b"))
                .add(resource("RegionTwo", b));

        Answer refused = cluster.asPeer("RegionOne", "RegionTwo").send("POST", "/api/intersite-horizontal", late);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("problem")).isEqualTo("operation-abandoned");
        assertThat(site(1).get(id).status()).isEqualTo(404);
        late.put("operation", java.util.UUID.randomUUID().toString());
        assertThat(cluster.asPeer("RegionOne", "RegionTwo").send("POST", "/api/intersite-horizontal", late).status())
                .as("a new attempt of the same service is not refused").isEqualTo(201);
        check(cluster.asPeer("RegionOne", "RegionTwo").send("DELETE", "/api/intersite-horizontal/" + id, null), 204);
    }

    @Test
    void aSiteRunningShortGetsAnotherPoolFromTheMaster() {
        String network = site(0).createNetwork("short", "172.25.0.0/28");
        String id = check(site(0).create("short", "L2", resource("RegionOne", network), regionOnly("RegionTwo")), 201)
                .text("global_id");
        String atTwo = networkOf(site(0).get(id).body(), "RegionTwo");
        int first = Addresses.pools(site(1).subnetsOf(atTwo).getFirst()).stream()
                .mapToInt(p -> p.getCount().intValue()).sum();
        for (int i = 0; i < first; i++) {
            site(1).createPortIp(atTwo);
        }
        assertThat(site(1).createPort(atTwo).status()).as("pool used up").isEqualTo(409);

        check(site(1).send("POST", "/api/intersite-vertical/" + id + "/pools", null), 200);

        String ip = site(1).createPortIp(atTwo);
        List<IPAddressSeqRange> masterPools = Addresses.pools(site(0).subnetsOf(network).getFirst());
        assertThat(masterPools.stream().noneMatch(p -> p.contains(Addresses.ip(ip)))).isTrue();
    }

    // ---------------------------------------------------------------- errors

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        String network = site(0).createNetwork("bad-input", "10.230.0.0/24");
        Answer unknownRegion = site(0).create("x", "L3", resource("RegionOne", network), resource("RegionNine", network));
        assertThat(unknownRegion.status()).isEqualTo(400);
        assertThat(unknownRegion.text("field")).isEqualTo("resources[1].region");
        assertThat(unknownRegion.text("detail")).contains("RegionNine");

        Answer badType = site(0).create("x", "L4", resource("RegionOne", network), resource("RegionTwo", network));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.text("field")).isEqualTo("type");

        Answer badNetwork = site(0).create("x", "L3", resource("RegionOne", "not-a-uuid"), resource("RegionTwo", network));
        assertThat(badNetwork.status()).isEqualTo(400);
        assertThat(badNetwork.text("field")).isEqualTo("resources[0].network");

        Answer missingLocal = site(0).create("x", "L3", resource("RegionTwo", network), resource("RegionThree", network));
        assertThat(missingLocal.status()).isEqualTo(400);
        assertThat(missingLocal.text("detail")).contains("RegionOne");

        Answer unknownNetwork = site(0).create("x", "L3", resource("RegionOne", network),
                resource("RegionTwo", "3b8360e6-e29a-4063-a8bc-7bbd0785d08b"));
        assertThat(unknownNetwork.status()).isEqualTo(404);
        assertThat(unknownNetwork.text("detail")).contains("3b8360e6-e29a-4063-a8bc-7bbd0785d08b", "RegionTwo");

        Answer malformedId = site(0).get("not-a-uuid");
        assertThat(malformedId.status()).isEqualTo(400);
        assertThat(malformedId.text("field")).isEqualTo("global_id");

        Answer malformedJson = site(0).send("POST", "/api/intersite-vertical", "{\"name\": ");
        assertThat(malformedJson.status()).isEqualTo(400);
        assertThat(malformedJson.body().get("type").asText()).startsWith("urn:diminet:problem:");

        assertThat(site(0).get("3b8360e6-e29a-4063-a8bc-7bbd0785d08b").status()).isEqualTo(404);
        assertThat(namesAt(1)).doesNotContain("x");
    }

    @Test
    void thePrototypesRequestFormIsAccepted() {
        String a = site(0).createNetwork("legacy-a", "10.240.0.0/24");
        String b = site(1).createNetwork("legacy-b", "10.241.0.0/24");
        ObjectNode body = SiteClient.JSON.createObjectNode().put("name", "legacy").put("type", "L3");
        body.putArray("subresources").add("RegionOne," + a).add("RegionTwo," + b);

        Answer created = check(site(0).send("POST", "/api/intersite-vertical", body), 201);

        assertThat(created.text("resource_global")).isEqualTo(created.text("global_id"));
        assertThat(created.body().get("subresources").get(1).asText()).isEqualTo("RegionTwo," + b);
        assertThat(check(site(0).send("GET", "/api/region", null), 200).text("name")).isEqualTo("RegionOne");
    }

    // ---------------------------------------------------------------- helpers

    private List<String> namesAt(int site) {
        List<String> names = new ArrayList<>();
        check(site(site).list(), 200).body().forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    private static String networkOf(JsonNode service, String region) {
        for (JsonNode r : service.get("resources")) {
            if (r.get("region").asText().equals(region)) {
                return r.get("network").isNull() ? null : r.get("network").asText();
            }
        }
        return null;
    }

    private static boolean allNetworksKnown(JsonNode service) {
        for (JsonNode r : service.get("resources")) {
            if (r.get("network") == null || r.get("network").isNull()) {
                return false;
            }
        }
        return true;
    }

    private static List<Answer> concurrently(int times, Callable<Answer> call) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(times)) {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(call));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get());
            }
            return answers;
        }
    }
}
