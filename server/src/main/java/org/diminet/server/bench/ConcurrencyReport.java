package org.diminet.server.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/** Part 2's tables: throughput overall and per master, each outcome's count, latencies, and the targets. */
final class ConcurrencyReport {
    private ConcurrencyReport() {
    }

    static void print(ConcurrencyWorkload.Result r, PrintStream out) {
        double[] perMaster = r.perMaster().values().stream().mapToDouble(c -> c / r.seconds()).toArray();
        Arrays.sort(perMaster);
        Percentiles masters = Percentiles.of(perMaster);
        Table throughput = new Table(String.format("Throughput: %d sites, %d clients, groups of %d, %s; %d operations in %.1f s",
                r.sites(), r.clients(), r.groupSize(), r.masters() == r.sites() ? "any site a master"
                        : r.masters() + " master" + (r.masters() == 1 ? "" : "s"), r.ops(), r.seconds()),
                java.util.List.of("operations/s overall", "per master: median", "min", "max", "masters",
                        "errors (not provoked)", "provoked 409s", "networks made during the run"));
        throughput.row(String.format("%.0f", r.opsPerSecond()), String.format("%.1f", masters.p50()),
                String.format("%.1f", masters.min()), String.format("%.1f", masters.max()),
                String.valueOf(r.perMaster().size()), String.valueOf(r.errors()), String.valueOf(r.provoked409()),
                String.valueOf(r.madeDuring()));
        throughput.print(out);

        Table outcomes = new Table("Answers by operation and status (problem type of errors)", java.util.List.of("answer", "count"));
        r.outcomes().forEach((outcome, count) -> outcomes.row(outcome
                + (ConcurrencyWorkload.Result.expected(outcome) ? "" : "  <- error"), String.valueOf(count)));
        outcomes.print(out);

        Table latencies = new Table("Answer times of the successful operations (and provoked conflicts), ms",
                java.util.List.of("operation", "count", "p50", "p90", "p99", "max"));
        for (Map.Entry<String, Percentiles> e : r.latencies().entrySet()) {
            Percentiles p = e.getValue();
            latencies.row(e.getKey(), String.valueOf(p.count()), Table.ms(p.p50()), Table.ms(p.p90()), Table.ms(p.p99()),
                    Table.ms(p.max()));
        }
        latencies.print(out);

        Table phases = new Table("Where the time goes: every site's phase timers over the run (successful phases; steps"
                + " as their master timed them), count and mean ms", java.util.List.of("phase", "L3 count", "L3 mean",
                "L2 count", "L2 mean"));
        java.util.Map<String, PhaseScrape.Phase> l3 = new java.util.TreeMap<>();
        java.util.Map<String, PhaseScrape.Phase> l2 = new java.util.TreeMap<>();
        r.phases().phases("L3").forEach(p -> l3.put(p.name(), p));
        r.phases().phases("L2").forEach(p -> l2.put(p.name(), p));
        java.util.TreeSet<String> names = new java.util.TreeSet<>(l3.keySet());
        names.addAll(l2.keySet());
        for (String name : names) {
            PhaseScrape.Phase a = l3.get(name);
            PhaseScrape.Phase b = l2.get(name);
            phases.row(name, a == null ? "–" : String.valueOf(a.count()), a == null ? "–" : Table.ms(a.meanMillis()),
                    b == null ? "–" : String.valueOf(b.count()), b == null ? "–" : Table.ms(b.meanMillis()));
        }
        phases.print(out);
        out.println();
        out.printf("target >= 200 operations/s per master: %s (median master %.1f/s; overall %.0f/s across %d masters)%n",
                masters.p50() >= 200 ? "met" : "MISSED", masters.p50(), r.opsPerSecond(), r.perMaster().size());
        out.printf("target zero errors other than the provoked 409s: %s (%d)%n", r.errors() == 0 ? "met" : "MISSED", r.errors());
        out.flush();
    }
}
