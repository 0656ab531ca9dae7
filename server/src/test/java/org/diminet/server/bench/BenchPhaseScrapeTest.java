package org.diminet.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchPhaseScrapeTest {
    private static final String BEFORE = """
            # HELP diminet_phase_seconds Duration of each phase
            # TYPE diminet_phase_seconds histogram
            diminet_phase_seconds_bucket{at="RegionOne",outcome="ok",phase="create-total",region="RegionOne",type="L3",le="0.005"} 0
            diminet_phase_seconds_count{at="RegionOne",outcome="ok",phase="create-total",region="RegionOne",type="L3"} 2
            diminet_phase_seconds_sum{at="RegionOne",outcome="ok",phase="create-total",region="RegionOne",type="L3"} 0.040
            diminet_phase_seconds_count{at="RegionTwo",outcome="ok",phase="create_part",region="RegionOne",type="L3"} 2
            diminet_phase_seconds_sum{at="RegionTwo",outcome="ok",phase="create_part",region="RegionOne",type="L3"} 0.020
            http_server_requests_seconds_count{error="none",exception="none",method="POST",outcome="SUCCESS",region="RegionOne",status="201",uri="/api/intersite-vertical"} 2
            http_server_requests_seconds_sum{error="none",exception="none",method="POST",outcome="SUCCESS",region="RegionOne",status="201",uri="/api/intersite-vertical"} 0.050
            """;
    private static final String AFTER = """
            diminet_phase_seconds_count{at="RegionOne",outcome="ok",phase="create-total",region="RegionOne",type="L3"} 12
            diminet_phase_seconds_sum{at="RegionOne",outcome="ok",phase="create-total",region="RegionOne",type="L3"} 0.240
            diminet_phase_seconds_count{at="RegionTwo",outcome="ok",phase="create_part",region="RegionOne",type="L3"} 7
            diminet_phase_seconds_sum{at="RegionTwo",outcome="ok",phase="create_part",region="RegionOne",type="L3"} 0.070
            diminet_phase_seconds_count{at="RegionThree",outcome="ok",phase="create_part",region="RegionOne",type="L3"} 5
            diminet_phase_seconds_sum{at="RegionThree",outcome="ok",phase="create_part",region="RegionOne",type="L3"} 0.150
            diminet_phase_seconds_count{at="RegionTwo",outcome="failed",phase="create_part",region="RegionOne",type="L3"} 1
            diminet_phase_seconds_sum{at="RegionTwo",outcome="failed",phase="create_part",region="RegionOne",type="L3"} 9
            diminet_phase_seconds_count{at="RegionOne",outcome="ok",phase="create-total",region="RegionOne",type="L2"} 1
            diminet_phase_seconds_sum{at="RegionOne",outcome="ok",phase="create-total",region="RegionOne",type="L2"} 1
            http_server_requests_seconds_count{error="none",exception="none",method="POST",outcome="SUCCESS",region="RegionOne",status="201",uri="/api/intersite-vertical"} 12
            http_server_requests_seconds_sum{error="none",exception="none",method="POST",outcome="SUCCESS",region="RegionOne",status="201",uri="/api/intersite-vertical"} 0.350
            """;

    @Test
    void meansOfWhatHappenedBetweenTwoScrapesByPhaseAndWhere() {
        PhaseScrape delta = PhaseScrape.parse(AFTER).since(PhaseScrape.parse(BEFORE));
        List<PhaseScrape.Phase> phases = delta.phases("L3", "RegionOne");
        assertThat(phases).hasSize(2);
        assertThat(phases.get(0).name()).isEqualTo("create-total");
        assertThat(phases.get(0).where()).isEqualTo("here");
        assertThat(phases.get(0).count()).isEqualTo(10);
        assertThat(phases.get(0).meanMillis()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
        // Steps at RegionTwo and RegionThree together, the failed one left out: (0.05 + 0.15) s / 10.
        assertThat(phases.get(1).name()).isEqualTo("create_part");
        assertThat(phases.get(1).where()).isEqualTo("peers");
        assertThat(phases.get(1).count()).isEqualTo(10);
        assertThat(phases.get(1).meanMillis()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(delta.phases("L2", "RegionOne")).singleElement()
                .satisfies(p -> assertThat(p.meanMillis()).isEqualTo(1000.0));
        PhaseScrape.Phase post = delta.requests("POST", "/api/intersite-vertical", "201");
        assertThat(post.count()).isEqualTo(10);
        assertThat(post.meanMillis()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void sumsOfSeveralSitesAndPhasesWhereverTheyRan() {
        PhaseScrape both = PhaseScrape.parse(BEFORE).plus(PhaseScrape.parse(BEFORE));
        assertThat(both.phases("L3")).extracting(PhaseScrape.Phase::name, PhaseScrape.Phase::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("create-total", 4L),
                        org.assertj.core.groups.Tuple.tuple("create_part", 4L));
        assertThat(PhaseScrape.parse("not prometheus at all\n").phases("L3")).isEmpty();
    }
}
