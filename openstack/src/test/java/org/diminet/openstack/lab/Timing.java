package org.diminet.openstack.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects durations of one operation and prints median and max (to the surefire output file). */
final class Timing {
    private final String what;
    private final List<Double> millis = new ArrayList<>();

    Timing(String what) {
        this.what = what;
    }

    <T> T time(java.util.function.Supplier<T> operation) {
        long start = System.nanoTime();
        try {
            return operation.get();
        } finally {
            millis.add((System.nanoTime() - start) / 1e6);
        }
    }

    void print() {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("TIMING %s: n=%d median=%.1f ms max=%.1f ms%n", what, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.getLast());
    }
}
