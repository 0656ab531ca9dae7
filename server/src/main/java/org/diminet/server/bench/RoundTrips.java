package org.diminet.server.bench;

import java.net.URI;
import java.util.List;

/**
 * Measures the round trip to sites as their peers see it: GET /api/region through each site's proxy, on
 * a kept-alive connection, one site after the other (so that the measurements do not load each other).
 */
final class RoundTrips {
    private RoundTrips() {
    }

    /**
     * The round trip to "the farthest site" of a request: every site here has the same injected delay, so
     * the farthest is any of them; the median over {@code sites} of each one's median keeps one slow
     * sample from raising the floor (the largest of many noisy medians would).
     */
    static double typical(BenchClient client, List<URI> sites, int samples) {
        double[] medians = sites.stream().mapToDouble(site -> median(client, site, samples)).toArray();
        return Percentiles.of(medians).p50();
    }

    static double median(BenchClient client, URI site, int samples) {
        double[] times = new double[samples];
        for (int i = -2; i < samples; i++) {
            BenchClient.Answer answer = client.get(site, "/api/region").require(200, "GET /api/region of " + site);
            if (i >= 0) {
                times[i] = answer.millis();
            }
        }
        return Percentiles.of(times).p50();
    }
}
