package org.diminet.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BenchPercentilesTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        double[] values = IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray(); // unsorted on purpose
        Percentiles p = Percentiles.of(values);
        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isEqualTo(50);
        assertThat(p.p90()).isEqualTo(90);
        assertThat(p.p99()).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
        assertThat(p.min()).isEqualTo(1);
        assertThat(p.mean()).isEqualTo(50.5);
    }

    @Test
    void smallSamples() {
        assertThat(Percentiles.of(new double[] {7}).p99()).isEqualTo(7);
        Percentiles four = Percentiles.of(new double[] {4, 1, 3, 2});
        assertThat(four.p50()).isEqualTo(2); // the lower middle value: nearest rank, no interpolation
        assertThat(four.p90()).isEqualTo(4);
        assertThat(Percentiles.of(new double[0]).p50()).isNaN();
    }

    @Test
    void cidrsAreDistinctSlash24sOfTenSlashEight() {
        Cidrs cidrs = new Cidrs();
        assertThat(cidrs.next()).isEqualTo("10.0.0.0/24");
        assertThat(cidrs.next()).isEqualTo("10.0.1.0/24");
        for (int i = 2; i < 256; i++) {
            cidrs.next();
        }
        assertThat(cidrs.next()).isEqualTo("10.1.0.0/24");
    }

    @Test
    void theFloorIsOneRoundTripPlusTheFarthestSitesVimCalls() {
        assertThat(new Floor(20, Floor.remoteVimCalls("L3"), 5).millis()).isEqualTo(30);
        assertThat(new Floor(20, Floor.remoteVimCalls("L2"), 5).millis()).isEqualTo(35);
    }

    @Test
    void clusterGroupsShareOneClusterUpToSixSites() {
        assertThat(Benchmark.clusterGroups(java.util.List.of(2, 3, 4, 5, 6, 10, 25)))
                .containsExactly(java.util.Map.entry(6, java.util.List.of(2, 3, 4, 5, 6)),
                        java.util.Map.entry(10, java.util.List.of(10)), java.util.Map.entry(25, java.util.List.of(25)));
        assertThat(Benchmark.clusterGroups(java.util.List.of(3, 2))).containsExactly(
                java.util.Map.entry(3, java.util.List.of(2, 3)));
    }
}
