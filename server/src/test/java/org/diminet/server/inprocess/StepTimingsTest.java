package org.diminet.server.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.operation.Operation;
import org.diminet.core.operation.Step;
import org.diminet.core.operation.StepAction;
import org.diminet.core.service.NewService;
import org.diminet.server.json.DomainJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operation's own record says where its time went: each step keeps how long its last attempt took,
 * so a slow site is visible in the journal (and in the North API's pending steps), not only in the
 * phase timers summed over every operation.
 */
class StepTimingsTest {
    private static final Region ONE = new Region("RegionOne");
    private static final Region TWO = new Region("RegionTwo");
    private static final Region THREE = new Region("RegionThree");

    private final InProcessSites sites = new InProcessSites("RegionOne", "RegionTwo", "RegionThree");

    @AfterEach
    void close() {
        sites.close();
    }

    @Test
    void eachStepOfTheStoredOperationKeepsHowLongItTook() throws Exception {
        NetworkId network = sites.network("RegionOne", "ext", "10.9.0.0/24");
        sites.site("RegionThree").vim().slowNext(FaultyVim.Call.CREATE_NETWORK, Duration.ofMillis(600));

        InterSiteService created = sites.site("RegionOne").manager().create(new NewService("ext", ServiceType.L2,
                "default", List.of(Resource.of(ONE, network), Resource.regionOnly(TWO), Resource.regionOnly(THREE))))
                .service();

        Operation create = storedOperations(created.id()).getFirst();
        Step atThree = step(create, StepAction.CREATE_PART, THREE);
        Step atTwo = step(create, StepAction.CREATE_PART, TWO);
        assertThat(atThree.tookMillis()).as("the slow site's part").isGreaterThanOrEqualTo(600);
        assertThat(atTwo.tookMillis()).as("the other site's part").isLessThan(atThree.tookMillis());
        assertThat(create.steps()).filteredOn(s -> s.attempts() > 0).allSatisfy(s ->
                assertThat(s.tookMillis()).as("%s at %s, run", s.action(), s.site()).isLessThan(10_000));
    }

    private List<Operation> storedOperations(GlobalId service) {
        ObjectMapper json = DomainJson.newMapper();
        return JdbcClient.create(sites.site("RegionOne").dataSource())
                .sql("SELECT body FROM operations WHERE global_id = ? ORDER BY created_at").param(service.toString())
                .query(String.class).list().stream().map(body -> {
                    try {
                        return json.readValue(body, Operation.class);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private static Step step(Operation op, StepAction action, Region site) {
        return op.stepsOf(action).stream().filter(s -> s.site().equals(site)).findFirst().orElseThrow();
    }
}
