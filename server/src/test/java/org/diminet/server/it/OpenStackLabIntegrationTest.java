package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.regionOnly;
import static org.diminet.server.it.SiteClient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddressSeqRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.diminet.core.domain.Region;
import org.diminet.openstack.keystone.KeystoneSession;
import org.diminet.openstack.lab.LabEnv;
import org.diminet.server.it.SiteClient.Answer;
import org.diminet.server.launcher.SiteLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Three DIMINET sites, each a separate server instance beside its own region of the real lab
 * (Keystone + one Neutron per region + networking-bgpvpn, started by lab/up). The sites find each
 * other in Keystone's catalog; every assertion about OpenStack reads Neutron directly.
 */
@Tag("lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenStackLabIntegrationTest {
    private final List<ConfigurableApplicationContext> sites = new ArrayList<>();
    private final Map<Region, LabNeutron> neutron = new LinkedHashMap<>();
    private final Map<Region, SiteClient> diminet = new LinkedHashMap<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private LabEnv lab;
    private Path dataRoot;
    private Region one;
    private Region two;
    private Region three;

    @BeforeAll
    void startSitesBesideTheLab() throws IOException {
        lab = LabEnv.get();
        List<Region> regions = lab.regions();
        one = regions.get(0);
        two = regions.get(1);
        three = regions.get(2);
        KeystoneSession session = lab.newSession();
        dataRoot = Files.createTempDirectory("diminet-lab-");
        for (Region region : regions) {
            neutron.put(region, new LabNeutron(session, region));
            int port = lab.diminetUrl(region).getPort();
            sites.add(SiteLauncher.start(besideTheLab(region, port, region.name(), lab.value("DIMINET_PASSWORD"))));
            // The lab's admin calls: the networks the tests make belong to the admin's project.
            diminet.put(region, new SiteClient(region.name(), "http://127.0.0.1:" + port, session.token()));
        }
    }

    @AfterAll
    void stopSites() {
        sites.forEach(ConfigurableApplicationContext::close);
        FileSystemUtils.deleteRecursively(dataRoot.toFile());
    }

    @Test
    void l3RoutingMakesEveryRegionImportTheOthersRoutesAndOverlapLeavesNothing() {
        String a = neutron.get(one).createNetwork("l3-a-" + run, "10.61.0.0/24");
        String b = neutron.get(two).createNetwork("l3-b-" + run, "10.62.0.0/24");
        String c = neutron.get(three).createNetwork("l3-c-" + run, "10.63.0.0/24");
        try {
            String id = check(diminet.get(one).create("l3-" + run, "L3", resource(one.name(), a),
                    resource(two.name(), b), resource(three.name(), c)), 201).text("global_id");
            Map<Region, JsonNode> vpns = new LinkedHashMap<>();
            for (Region region : List.of(one, two, three)) {
                JsonNode vpn = neutron.get(region).bgpvpnNamed("diminet-" + id);
                assertThat(vpn.get("type").asText()).isEqualTo("l3");
                vpns.put(region, vpn);
            }
            assertThat(LabNeutron.texts(vpns.get(one).get("networks"))).containsExactly(a);
            assertThat(LabNeutron.texts(vpns.get(two).get("networks"))).containsExactly(b);
            assertThat(LabNeutron.texts(vpns.get(three).get("networks"))).containsExactly(c);
            for (Region region : vpns.keySet()) {
                Set<String> othersExports = new HashSet<>();
                vpns.forEach((other, vpn) -> {
                    if (!other.equals(region)) {
                        othersExports.addAll(LabNeutron.texts(vpn.get("export_targets")));
                    }
                });
                assertThat(LabNeutron.texts(vpns.get(region).get("import_targets")))
                        .as("%s imports every other region's exports", region).containsExactlyInAnyOrderElementsOf(othersExports);
            }
            check(diminet.get(two).delete(id), 204);

            String clash = neutron.get(three).createNetwork("l3-clash-" + run, "10.61.0.128/25");
            Map<Region, Set<String>> before = inventories();
            Answer refused = diminet.get(one).create("l3-clash-" + run, "L3", resource(one.name(), a),
                    resource(two.name(), b), resource(three.name(), clash));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.text("detail")).contains(a, clash, "10.61.0.0/24", "10.61.0.128/25");
            assertThat(inventories()).as("no Neutron keeps anything of the refused request").isEqualTo(before);
            neutron.get(three).deleteNetwork(clash);
        } finally {
            neutron.get(one).deleteNetwork(a);
            neutron.get(two).deleteNetwork(b);
            neutron.get(three).deleteNetwork(c);
        }
    }

    @Test
    void l2ExtensionGrowsShrinksAndLeavesEveryNeutronAsItWas() {
        String cidr = "10.64." + (30 + Math.floorMod(run.hashCode(), 200)) + ".0/24";
        String network = neutron.get(one).createNetwork("l2-" + run, cidr);
        Map<Region, Set<String>> before = inventories();
        String id = null;
        try {
            JsonNode created = check(diminet.get(one).create("l2-" + run, "L2", resource(one.name(), network),
                    regionOnly(two.name())), 201).body();
            id = created.get("global_id").asText();

            JsonNode grown = check(diminet.get(one).put(id, resource(one.name(), network), regionOnly(two.name()),
                    regionOnly(three.name())), 200).body();
            Map<Region, String> networks = new LinkedHashMap<>();
            grown.get("resources").forEach(r -> networks.put(new Region(r.get("region").asText()), r.get("network").asText()));
            List<IPAddressSeqRange> pools = new ArrayList<>();
            for (Region region : List.of(one, two, three)) {
                List<JsonNode> subnets = neutron.get(region).subnetsOf(networks.get(region));
                assertThat(subnets).hasSize(1);
                assertThat(subnets.getFirst().get("cidr").asText()).isEqualTo(cidr);
                for (IPAddressSeqRange pool : Addresses.pools(subnets.getFirst())) {
                    assertThat(pools).noneMatch(pool::overlaps);
                    pools.add(pool);
                }
                assertThat(neutron.get(region).bgpvpnNamed("diminet-" + id).get("type").asText()).isEqualTo("l2");
            }

            String port = neutron.get(three).createPort(networks.get(three));
            Answer refused = diminet.get(one).put(id, resource(one.name(), network), regionOnly(two.name()));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.text("detail")).contains(three.name());
            neutron.get(three).deletePort(port);

            check(diminet.get(one).put(id, resource(one.name(), network), regionOnly(three.name())), 200);
            assertThat(neutron.get(two).inventory()).as("RegionTwo is back as it was").isEqualTo(before.get(two));

            check(diminet.get(three).delete(id), 204);
            id = null;
            assertThat(inventories()).as("every Neutron is back to exactly what it had").isEqualTo(before);
        } finally {
            if (id != null) {
                diminet.get(one).delete(id); // a failed assertion must not leave networks in the lab
            }
            neutron.get(one).deleteNetwork(network);
        }
    }

    @Test
    void aNeutronDownDuringACreateFailsNamingItsRegionAndLeavesTheOthersClean() throws Exception {
        String network = neutron.get(one).createNetwork("down-" + run, "10.64.20.0/24");
        Map<Region, Set<String>> before = inventories();
        labScript("stop-region", three.name());
        try {
            Answer failed = diminet.get(one).create("down-" + run, "L2", resource(one.name(), network),
                    regionOnly(two.name()), regionOnly(three.name()));

            assertThat(failed.status()).isBetween(502, 504);
            assertThat(failed.text("region")).isEqualTo(three.name());
            assertThat(failed.text("detail")).contains(three.name());
            assertThat(neutron.get(one).inventory()).isEqualTo(before.get(one));
            assertThat(neutron.get(two).inventory()).isEqualTo(before.get(two));
        } finally {
            labScript("start-region", three.name());
            neutron.get(one).deleteNetwork(network);
        }
    }

    @Test
    void wrongKeystoneCredentialsStopTheSiteAtStartUp() {
        Map<String, Object> settings = besideTheLab(one, 0, "wrong", "not-" + lab.value("OS_PASSWORD"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SiteLauncher.start(settings))
                .hasStackTraceContaining("cannot authenticate to Keystone")
                .hasStackTraceContaining(lab.value("OS_AUTH_URL"))
                .hasStackTraceContaining("401");
    }

    /** A site of {@code region} beside the lab, with its data under {@code dataName}. */
    private Map<String, Object> besideTheLab(Region region, int port, String dataName, String password) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("diminet.region", region.name());
        settings.put("server.port", port);
        settings.put("diminet.data-dir", dataRoot.resolve(dataName).toString());
        settings.put("diminet.vim.kind", "neutron");
        settings.put("diminet.openstack.auth-url", lab.value("OS_AUTH_URL"));
        // Each site its own service user (lab/up makes them), so its peers know which region it is.
        settings.put("diminet.openstack.username", "diminet-" + region.name());
        settings.put("diminet.openstack.password", password);
        settings.put("diminet.openstack.project", "service");
        return settings;
    }

    private Map<Region, Set<String>> inventories() {
        Map<Region, Set<String>> all = new LinkedHashMap<>();
        neutron.forEach((region, n) -> all.put(region, n.inventory()));
        return all;
    }

    private void labScript(String script, String region) throws Exception {
        Path labDir = Path.of(System.getProperty(LabEnv.PROPERTY, System.getenv(LabEnv.PROPERTY)))
                .toAbsolutePath().getParent().getParent();
        Process process = new ProcessBuilder(labDir.resolve(script).toString(), region).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("lab/" + script + " " + region + " failed");
        }
    }
}
