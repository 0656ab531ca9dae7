package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.Addresses.eventually;
import static org.diminet.server.it.SiteClient.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.diminet.server.launcher.LocalIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real headless Chromium against three sites (separate servers over HTTP on
 * loopback, seeded like the demo): a user signs in, creates an L3 and an L2 service through the forms,
 * sees them on every site's console, adds and removes a site, sees refusals next to the field they
 * concern, deletes with a confirmation, and sees a site that went down. Each step is checked through the
 * API as well. Screenshots of the pages go to {@code target/console-screenshots} (and of the page a
 * failed step left, as {@code failed-<test>.png}). The steps build on each other, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final String ONE = "RegionOne";
    private static final String TWO = "RegionTwo";
    private static final String THREE = "RegionThree";

    private static final java.util.Optional<String> MISSING = ConsoleBrowser.missing();

    private MultiSiteCluster cluster;
    private ConsoleBrowser browser;
    /** Network ids by site, then name: the demo's networks, in alice's project. */
    private final Map<String, Map<String, String>> networks = new TreeMap<>();
    private String l3Id;
    private String l2Id;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    void start() throws Exception {
        if (MISSING.isPresent()) {
            System.err.println("ConsoleBrowserTest skipped: " + MISSING.get());
            return;
        }
        browser = ConsoleBrowser.start();
        cluster = MultiSiteCluster.start(3);
        seed(ONE, "routed-1", "10.1.0.0/24", "extendable-1", "192.168.101.0/24");
        seed(TWO, "routed-2", "10.2.0.0/24", "extendable-2", "192.168.102.0/24", "clashing-2", "10.1.0.128/25");
        seed(THREE, "routed-3", "10.3.0.0/24", "clashing-3", "10.2.0.0/25");
    }

    /** Each step is reported skipped, with the reason, where Chromium is not installed. */
    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(MISSING.isEmpty(), () -> "skipped: " + MISSING.orElse(""));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void signIn_refusesAWrongPassword_thenOpensTheServices() {
        browser.open(url(ONE) + "/");
        browser.visible("#sign-in");
        assertThat(browser.text("h1")).isEqualTo("Sign in to RegionOne");
        assertThat(browser.focusedId()).as("the user field has the focus").isEqualTo(browser.find("input[name=user]").getAttribute("id"));

        browser.find("input[name=user]").sendKeys("alice");
        browser.find("input[name=password]").sendKeys("not-her-password", Keys.ENTER);
        browser.textOf("[role=alert]", "not right", 10);

        signIn(ONE);
        assertThat(browser.text("#signed-in-as")).contains("alice").contains("project-a");
        browser.textOf("#services-rows", "No services yet", 10);
    }

    @Test
    @Order(2)
    void createL3_withOverlappingCidrs_isRefused_nextToTheFieldsConcerned() {
        fillCreateForm("clash", "L3", network(ONE, "routed-1"), Map.of(TWO, network(TWO, "clashing-2")));
        // The other site's networks were read from that site, through this one.
        assertThat(optionTexts("#network-" + TWO)).anyMatch(t -> t.startsWith("routed-2 — 10.2.0.0/24"))
                .anyMatch(t -> t.startsWith("clashing-2 — 10.1.0.128/25"));
        browser.find("#create-submit").click();

        String error = browser.textOf("#error-" + TWO, "overlaps", 20);
        assertThat(error).contains("10.1.0.128/25").contains("10.1.0.0/24");
        assertThat(browser.find("#network-" + TWO).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#error-local")).contains("overlaps");
        assertThat(browser.text("#error-" + THREE)).isEmpty();
        assertThat(browser.text("#create-problem")).contains("not created").contains("409")
                .contains("cidr-overlap").contains("Nothing was left at any site");
        assertThat(browser.focusedId()).as("the first field concerned has the focus").isEqualTo("network-local");
        browser.screenshot("create-refused");
        for (String region : List.of(ONE, TWO, THREE)) {
            assertThat(alice(region).list().body()).as("nothing created at " + region).isEmpty();
        }
    }

    @Test
    @Order(3)
    void createL3_throughTheForm_existsAtItsSites_andOnTheirConsoles() throws Exception {
        fillCreateForm("web-l3", "L3", network(ONE, "routed-1"), Map.of(TWO, network(TWO, "routed-2")));
        browser.screenshot("create");
        browser.find("#create-submit").click();

        browser.textOf("#create-result", "Created “web-l3”", 30);
        assertThat(browser.text("#create-result")).contains("ACTIVE").contains("RegionOne, RegionTwo");
        l3Id = idFrom(browser.find("#created-link").getAttribute("href"));
        for (String region : List.of(ONE, TWO)) {
            JsonNode service = check(alice(region).get(l3Id), 200).body();
            assertThat(service.get("state").asText()).isEqualTo("ACTIVE");
            assertThat(service.get("master").asText()).isEqualTo(ONE);
        }
        check(alice(THREE).get(l3Id), 404);
        seenOnConsoleOf(ONE, l3Id, "web-l3");
        seenOnConsoleOf(TWO, l3Id, "web-l3");
        assertThat(servicesOnConsoleOf(THREE)).doesNotContain(l3Id);
    }

    @Test
    @Order(4)
    void createL2_throughTheForm_existsAtEverySite_andOnEveryConsole() throws Exception {
        fillCreateForm("web-l2", "L2", network(ONE, "extendable-1"), Map.of(TWO, "", THREE, ""));
        assertThat(browser.find("#network-" + TWO).isDisplayed()).as("L2 needs no network at the other sites").isFalse();
        browser.find("#create-submit").click();

        browser.textOf("#create-result", "Created “web-l2”", 30);
        l2Id = idFrom(browser.find("#created-link").getAttribute("href"));
        for (String region : List.of(ONE, TWO, THREE)) {
            JsonNode service = check(alice(region).get(l2Id), 200).body();
            assertThat(service.get("state").asText()).isEqualTo("ACTIVE");
            assertThat(service.get("resources")).hasSize(3);
            seenOnConsoleOf(region, l2Id, "web-l2");
        }
        go(ONE, "#/services");
        browser.textOf("#services-rows", "web-l2", 10);
        browser.textOf("#services-rows", "web-l3", 10);
        browser.screenshot("list");
    }

    @Test
    @Order(5)
    void serviceDetail_drawsTheSites_andHowFullEachPoolIs() throws Exception {
        // Machines: three at the master, one at RegionTwo.
        String masterNetwork = network(ONE, "extendable-1");
        String twoNetwork = networkOfService(TWO, l2Id);
        for (int i = 0; i < 3; i++) {
            alice(ONE).createPortIp(masterNetwork);
        }
        alice(TWO).createPortIp(twoNetwork);

        go(ONE, "#/services/" + l2Id);
        browser.visible("#pool-bar");
        assertThat(browser.text("h1")).isEqualTo("web-l2");
        assertThat(browser.findAll("#site-map g.node")).hasSize(3);
        assertThat(browser.findAll("#site-map circle.master-ring")).hasSize(1);
        assertThat(browser.text("#site-map g.node[data-region=RegionOne]")).contains("master");
        assertThat(browser.findAll("#site-map line.link")).as("every pair of sites is linked").hasSize(3);
        assertThat(browser.text("#service-sites")).contains(masterNetwork).contains(twoNetwork)
                .contains("192.168.101.0/24");
        String legend = browser.textOf("#pool-legend", "3 of", 10);
        assertThat(browser.text("#pool-legend li[data-region=RegionOne]")).contains("3 of");
        assertThat(browser.text("#pool-legend li[data-region=RegionTwo]")).contains("1 of");
        assertThat(browser.text("#pool-legend li[data-region=RegionThree]")).contains("0 of");
        assertThat(legend).contains("addresses used");
        for (String region : List.of(ONE, TWO, THREE)) {
            assertThat(browser.findAll("#pool-bar rect[data-region=" + region + "]")).as(region + "'s pools drawn").isNotEmpty();
        }
        assertThat(browser.text("#pending")).contains("None");
        browser.screenshot("detail-l2");

        go(ONE, "#/services/" + l3Id);
        browser.visible("#site-map");
        assertThat(browser.findAll("#site-map g.node")).hasSize(2);
        assertThat(browser.findAll("#pool-bar")).as("L3 has no shared address space").isEmpty();
        browser.screenshot("detail-l3");
    }

    @Test
    @Order(6)
    void addSite_refusedForAnOverlap_nextToTheNetworkField_thenAdded() throws Exception {
        go(ONE, "#/services/" + l3Id);
        browser.visible("#add-site");
        new Select(browser.find("#add-site")).selectByValue(THREE);
        choose("#add-network", network(THREE, "clashing-3"));
        browser.find("#add-submit").click();
        browser.visible("#confirm-dialog");
        assertThat(browser.text("#confirm-title")).isEqualTo("Add RegionThree to web-l3?");
        browser.find("#confirm-yes").click();

        String error = browser.textOf("#error-add-network", "overlaps", 20);
        assertThat(error).contains("10.2.0.0/25");
        assertThat(browser.find("#add-network").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#service-problem")).contains("RegionThree was not added");
        browser.screenshot("add-refused");
        assertThat(check(alice(ONE).get(l3Id), 200).body().get("resources")).hasSize(2);
        check(alice(THREE).get(l3Id), 404);

        choose("#add-network", network(THREE, "routed-3"));
        browser.find("#add-submit").click();
        browser.visible("#confirm-yes").click();
        browser.visible("#service-sites tr[data-region=RegionThree]");
        assertThat(browser.findAll("#site-map g.node")).hasSize(3);
        eventually(() -> alice(THREE).get(l3Id).status() == 200, "RegionThree has its part");
        assertThat(check(alice(ONE).get(l3Id), 200).body().get("resources")).hasSize(3);
        seenOnConsoleOf(THREE, l3Id, "web-l3");
    }

    @Test
    @Order(7)
    void removeSite_afterAConfirmation_leavesTheOthers() throws Exception {
        go(ONE, "#/services/" + l3Id);
        browser.visible("#remove-" + TWO).click();
        browser.visible("#confirm-dialog");
        assertThat(browser.text("#confirm-title")).isEqualTo("Remove RegionTwo from web-l3?");
        browser.find("#confirm-yes").click();

        browser.await("RegionTwo gone from the sites", 30,
                d -> d.findElements(By.cssSelector("#service-sites tr[data-region=RegionTwo]")).isEmpty());
        assertThat(browser.findAll("#service-sites tbody tr")).hasSize(2);
        eventually(() -> alice(TWO).get(l3Id).status() == 404, "RegionTwo's part removed");
        JsonNode atMaster = check(alice(ONE).get(l3Id), 200).body();
        assertThat(atMaster.get("resources").findValuesAsText("region")).containsExactlyInAnyOrder(ONE, THREE);
        check(alice(THREE).get(l3Id), 200);
    }

    @Test
    @Order(8)
    void delete_asksFirst_escapeCancels_thenTheServiceGoesEverywhere() throws Exception {
        go(ONE, "#/services/" + l3Id);
        browser.visible("#delete-service").click();
        browser.visible("#confirm-dialog");
        assertThat(browser.focusedId()).as("the safe answer has the focus").isEqualTo("confirm-no");
        assertThat(browser.text("#confirm-text")).contains("RegionOne, RegionThree");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.await("the dialog closed", 5, d -> d.findElements(By.cssSelector("#confirm-dialog")).isEmpty());
        check(alice(ONE).get(l3Id), 200);

        browser.find("#delete-service").click();
        browser.visible("#confirm-yes").click();
        browser.await("back at the list", 30, d -> d.getCurrentUrl().endsWith("#/services"));
        browser.textOf("#services-rows", "web-l2", 10);
        assertThat(browser.findAll("#services-rows tr[data-service='" + l3Id + "']")).isEmpty();
        for (String region : List.of(ONE, TWO, THREE)) {
            check(alice(region).get(l3Id), 404);
        }
    }

    @Test
    @Order(9)
    void peers_areListed_andASiteThatWentDown_isShownUnreachable() throws Exception {
        go(ONE, "#/peers");
        browser.textOf("#peer-rows", THREE, 10);
        browser.await("both peers probed", 10, d -> d.findElements(By.cssSelector("#peer-rows .badge.ok")).size() == 2);
        assertThat(browser.textOf("#peer-rows tr[data-region=RegionTwo]", "ms", 10)).contains("reachable");
        browser.screenshot("peers");

        cluster.stop(THREE);
        browser.textOf("#peer-rows tr[data-region=RegionThree]", "unreachable", 15);

        go(ONE, "#/services/" + l2Id);
        browser.visible("#site-map g.node.down[data-region=RegionThree]");
        assertThat(browser.text("#site-map")).contains("unreachable");
        assertThat(browser.text("#service-sites tr[data-region=RegionThree]")).contains("unreachable");
        browser.screenshot("detail-unreachable");
    }

    @Test
    @Order(10)
    void theConsole_askedNothingOfAnotherOrigin_andRaisedNoScriptError() {
        List<String> origins = new ArrayList<>(cluster.regions().stream().map(this::url).toList());
        List<String> requested = browser.requestedUrls();
        assertThat(requested).isNotEmpty();
        assertThat(requested).allMatch(u -> u.startsWith("data:") || origins.stream().anyMatch(o -> u.startsWith(o + "/")),
                "every request goes to one of the sites " + origins);
        assertThat(browser.scriptErrors()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private void signIn(String region) {
        browser.visible("#sign-in");
        WebElement user = browser.find("input[name=user]");
        user.clear();
        user.sendKeys(LocalIdentity.ALICE);
        browser.find("input[name=password]").clear();
        browser.find("input[name=project]").sendKeys(LocalIdentity.PROJECT_A);
        // Enter in the password field signs in, as a keyboard user would.
        browser.find("input[name=password]").sendKeys(cluster.identity().user(LocalIdentity.ALICE).password(), Keys.ENTER);
        browser.visible("#services");
        assertThat(browser.text("#site-name")).isEqualTo(region);
    }

    /** Opens the create page and fills it in: name, type, this site's network, and the other sites (L3: their networks). */
    private void fillCreateForm(String name, String type, String localNetwork, Map<String, String> others) {
        go(ONE, "#/create");
        browser.visible("#create-name").clear();
        browser.find("#create-name").sendKeys(name);
        browser.find("#type-" + type).click();
        choose("#network-local", localNetwork);
        for (String region : List.of(TWO, THREE)) {
            WebElement box = browser.find("#site-" + region);
            if (box.isSelected() != others.containsKey(region)) {
                box.click();
            }
            if ("L3".equals(type) && others.containsKey(region)) {
                choose("#network-" + region, others.get(region));
            }
        }
    }

    /** Picks an option once the select has it (a remote site's networks take a moment to arrive). */
    private void choose(String select, String value) {
        browser.await(select + " offers " + value, 15, d -> {
            List<WebElement> found = d.findElements(By.cssSelector(select + " option[value='" + value + "']"));
            return found.isEmpty() ? null : found;
        });
        new Select(browser.find(select)).selectByValue(value);
    }

    private List<String> optionTexts(String select) {
        return new Select(browser.find(select)).getOptions().stream().map(WebElement::getText).toList();
    }

    /** The service is in the list of that site's own console (signing in there first if needed). */
    private void seenOnConsoleOf(String region, String id, String name) {
        servicesOnConsoleOf(region);
        browser.visible("#services-rows tr[data-service='" + id + "']");
        assertThat(browser.text("#services-rows tr[data-service='" + id + "']")).contains(name).contains(ONE);
    }

    private List<String> servicesOnConsoleOf(String region) {
        go(region, "#/services");
        browser.await("the console of " + region, 15, d -> !d.findElements(By.cssSelector("#sign-in, #services")).isEmpty());
        if (!browser.findAll("#sign-in").isEmpty()) {
            signIn(region);
        }
        browser.await("the services of " + region, 15,
                d -> !d.findElement(By.cssSelector("#services-count")).getText().isEmpty());
        return browser.findAll("#services-rows tr[data-service]").stream().map(r -> r.getAttribute("data-service")).toList();
    }

    /**
     * Shows a page of a site's console, loaded afresh: the console is one document whose pages are the
     * part after '#', so going to the address already shown would change nothing.
     */
    private void go(String region, String page) {
        String target = url(region) + "/" + page;
        if (browser.driver.getCurrentUrl().equals(target)) {
            browser.driver.navigate().refresh();
        } else {
            browser.open(target);
        }
    }

    private String networkOfService(String region, String id) {
        for (JsonNode resource : check(alice(region).get(id), 200).body().get("resources")) {
            if (resource.get("region").asText().equals(region)) {
                return resource.get("network").asText();
            }
        }
        throw new AssertionError(id + " has no network at " + region);
    }

    private void seed(String region, String... namesAndCidrs) {
        Map<String, String> ids = new TreeMap<>();
        for (int i = 0; i < namesAndCidrs.length; i += 2) {
            ids.put(namesAndCidrs[i], alice(region).createNetwork(namesAndCidrs[i], namesAndCidrs[i + 1]));
        }
        networks.put(region, ids);
    }

    private String network(String region, String name) {
        return networks.get(region).get(name);
    }

    private SiteClient alice(String region) {
        return cluster.as(LocalIdentity.ALICE, region);
    }

    private String url(String region) {
        return cluster.site(region).url;
    }

    private static String idFrom(String href) {
        return java.net.URLDecoder.decode(href.substring(href.lastIndexOf('/') + 1), java.nio.charset.StandardCharsets.UTF_8);
    }
}
