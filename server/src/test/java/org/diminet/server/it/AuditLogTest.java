package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.resource;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Every state-changing call leaves one audit line (logger org.diminet.audit), at the master and at the
 * peer, naming who called (the token's user and project, or the peer's region) and never a token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTest {
    private MultiSiteCluster cluster;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeAll
    void start() throws Exception {
        cluster = MultiSiteCluster.start(2);
        Logger audit = (Logger) LoggerFactory.getLogger("org.diminet.audit");
        lines.start();
        audit.addAppender(lines);
    }

    @AfterAll
    void stop() {
        ((Logger) LoggerFactory.getLogger("org.diminet.audit")).detachAppender(lines);
        cluster.close();
    }

    @Test
    void createsAndDeletesAreAuditedWithTheirGlobalIdAndNoBody() {
        SiteClient alice = cluster.as("alice", "RegionOne");
        String one = alice.createNetwork("audited-1", "10.88.1.0/24");
        String two = cluster.as("alice", "RegionTwo").createNetwork("audited-2", "10.88.2.0/24");
        lines.list.clear();

        String id = check(alice.create("secret-looking-name", "L3", resource("RegionOne", one),
                resource("RegionTwo", two)), 201).text("global_id");
        check(alice.delete(id), 204);
        check(alice.get(id), 404);

        List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("site=RegionOne", "user=alice",
                "project=project-a", "api=north", "call=\"POST /api/intersite-vertical\"", "status=201", "global_id=" + id));
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("site=RegionTwo", "user=peer:RegionOne",
                "api=east-west", "call=\"POST /api/intersite-horizontal\"", "status=201", "global_id=" + id));
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("site=RegionOne",
                "call=\"DELETE /api/intersite-vertical/" + id + "\"", "status=204"));
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("site=RegionTwo",
                "call=\"DELETE /api/intersite-horizontal/" + id + "\"", "status=204"));
        assertThat(logged).as("reads are not audited").noneMatch(line -> line.contains("call=\"GET"));
        assertThat(logged).as("bodies are never logged").noneMatch(line -> line.contains("secret-looking-name"));
        assertThat(logged).as("nor tokens").noneMatch(line -> line.contains(alice.token));
    }
}
