package org.diminet.core.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.PeerException;

/** Splits a fan-out's outcomes into successes and failures, and turns failures into one error. */
public final class FanoutResults {
    private FanoutResults() {
    }

    public static <T> Map<Region, T> successes(Map<Region, Outcome<T>> outcomes) {
        Map<Region, T> ok = new LinkedHashMap<>();
        outcomes.forEach((region, outcome) -> {
            if (outcome instanceof Outcome.Ok<T> success) {
                ok.put(region, success.value());
            }
        });
        return ok;
    }

    public static <T> Map<Region, RuntimeException> failures(Map<Region, Outcome<T>> outcomes) {
        Map<Region, RuntimeException> failed = new LinkedHashMap<>();
        outcomes.forEach((region, outcome) -> {
            if (outcome instanceof Outcome.Failed<T> failure) {
                failed.put(region, failure.error());
            }
        });
        return failed;
    }

    /**
     * The error to show the user when some sites failed. A site that refused (a 4xx from the peer)
     * says most about what the user can fix, so it wins over sites that could not be reached; the
     * message lists every failed site either way.
     */
    public static RuntimeException combined(Map<Region, RuntimeException> failures) {
        RuntimeException chosen = failures.values().stream()
                .filter(e -> e instanceof PeerException p && p.kind() == PeerException.Kind.REFUSED)
                .findFirst()
                .orElse(failures.values().iterator().next());
        if (failures.size() == 1) {
            return chosen;
        }
        String all = failures.values().stream().map(Throwable::getMessage).collect(Collectors.joining("; "));
        if (chosen instanceof PeerException p) {
            return new PeerException(p.region(), p.kind(), p.peerStatus(), p.problemType(), all);
        }
        return chosen;
    }

    public static <T> void throwIfAnyFailed(Map<Region, Outcome<T>> outcomes) {
        Map<Region, RuntimeException> failed = failures(outcomes);
        if (!failed.isEmpty()) {
            throw combined(failed);
        }
    }

    public static List<Region> regions(Map<Region, ?> map) {
        return List.copyOf(map.keySet());
    }
}
