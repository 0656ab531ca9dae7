package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The North list in pages, the OpenStack way: {@code limit} and {@code marker}, and while a page is full a
 * {@code Link: <…>; rel="next"} header that a client follows to the end; a user's pages hold only their
 * project's services; a bad limit or marker is refused naming it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceListPagesTest {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private MultiSiteCluster cluster;
    private final List<String> alices = new ArrayList<>();
    private String bobs;

    @BeforeAll
    void start() throws Exception {
        cluster = MultiSiteCluster.start(2);
        for (int i = 0; i < 5; i++) {
            alices.add(l3("alice", "page-a" + i, 40 + i));
        }
        bobs = l3("bob", "page-b", 50);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void followingNextLinksGivesEveryServiceOfTheProjectOnceInOrder() {
        SiteClient alice = cluster.as("alice", "RegionOne");
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Optional<String> next = Optional.of("/api/intersite-vertical?limit=2");
        while (next.isPresent()) {
            SiteClient.Answer page = check(alice.send("GET", next.get(), null), 200);
            sizes.add(page.body().size());
            page.body().forEach(s -> seen.add(s.get("global_id").asText()));
            next = page.header("Link").map(NEXT::matcher).filter(Matcher::find).map(m -> m.group(1));
        }
        assertThat(seen).as("alice's services, oldest first, bob's not among them").containsExactlyElementsOf(alices);
        assertThat(sizes).containsExactly(2, 2, 1);

        SiteClient.Answer whole = check(alice.list(), 200);
        List<String> all = new ArrayList<>();
        whole.body().forEach(s -> all.add(s.get("global_id").asText()));
        assertThat(all).as("the whole list, written as the store is read").containsExactlyElementsOf(alices);
        assertThat(whole.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(check(cluster.site("RegionOne").send("GET", "/api/intersite-vertical?limit=1000", null), 200)
                .body()).as("the admin's page holds every project").hasSize(6);
    }

    @Test
    void aBadLimitOrMarkerIsRefusedNamingIt() {
        SiteClient alice = cluster.as("alice", "RegionOne");
        for (String query : List.of("limit=0", "limit=1001", "limit=abc")) {
            SiteClient.Answer refused = alice.send("GET", "/api/intersite-vertical?" + query, null);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.body().toString()).as(query).contains("limit");
        }
        for (String marker : List.of("not-a-uuid", bobs, "3b8360e6-e29a-4063-a8bc-7bbd0785d08b")) {
            SiteClient.Answer refused = alice.send("GET", "/api/intersite-vertical?limit=2&marker=" + marker, null);
            assertThat(refused.status()).as(marker).isEqualTo(400);
            assertThat(refused.text("field")).as(marker).isEqualTo("marker");
        }
    }

    private String l3(String user, String name, int octet) {
        String one = cluster.as(user, "RegionOne").createNetwork(name, "10." + octet + ".1.0/24");
        String two = cluster.as(user, "RegionTwo").createNetwork(name, "10." + octet + ".2.0/24");
        return check(cluster.as(user, "RegionOne").create(name, "L3", resource("RegionOne", one),
                resource("RegionTwo", two)), 201).text("global_id");
    }
}
