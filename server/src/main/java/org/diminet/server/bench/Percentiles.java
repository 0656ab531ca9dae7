package org.diminet.server.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Summary of a sample of durations in milliseconds: mean and nearest-rank percentiles (the p-th
 * percentile is the smallest value with at least p % of the sample at or below it, so p50 of an even
 * sample is its lower middle value, and p100 the maximum).
 */
public record Percentiles(int count, double mean, double min, double p50, double p90, double p99, double max) {

    public static Percentiles of(double[] millis) {
        if (millis.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, Arrays.stream(sorted).average().orElseThrow(), sorted[0],
                rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    public static Percentiles of(Collection<Double> millis) {
        return of(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The nearest-rank {@code p}-th percentile of an ascending sample. */
    static double rank(double[] sorted, double p) {
        if (p <= 0) {
            return sorted[0];
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
