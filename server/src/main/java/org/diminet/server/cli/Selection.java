package org.diminet.server.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Which columns {@code -c} keeps. Unlike the openstack client, which ignores unknown names as long as
 * one is known, an unknown name is an error here: a script with a typo should fail, not print less.
 */
final class Selection {
    private Selection() {
    }

    static List<Integer> indexes(List<String> available, List<String> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return java.util.stream.IntStream.range(0, available.size()).boxed().toList();
        }
        List<String> unknown = wanted.stream().filter(w -> !available.contains(w)).toList();
        if (!unknown.isEmpty()) {
            throw new UsageError("unknown column " + String.join(", ", unknown) + "; the columns are " + available);
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < available.size(); i++) {
            if (wanted.contains(available.get(i))) {
                kept.add(i);
            }
        }
        return kept;
    }
}
