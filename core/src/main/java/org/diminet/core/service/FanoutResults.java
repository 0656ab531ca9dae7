package org.diminet.core.service;

import java.util.LinkedHashMap;
import java.util.Map;

/** Picks the failures out of a fan-out's outcomes. */
public final class FanoutResults {
    private FanoutResults() {
    }

    public static <K, T> Map<K, RuntimeException> failures(Map<K, Outcome<T>> outcomes) {
        Map<K, RuntimeException> failed = new LinkedHashMap<>();
        outcomes.forEach((key, outcome) -> {
            if (outcome instanceof Outcome.Failed<T> failure) {
                failed.put(key, failure.error());
            }
        });
        return failed;
    }
}
