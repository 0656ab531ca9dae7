package org.diminet.server.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Part 1's tables in the paper's shape (rows L3 and L2, a column per number of sites), its phases, and its targets. */
final class LatencyTables {
    private LatencyTables() {
    }

    static void print(List<LatencyWorkload.Point> points, Duration rtt, BenchOptions options, PrintStream out) {
        List<Integer> sizes = points.stream().map(LatencyWorkload.Point::sites).distinct().sorted().toList();
        List<String> header = new ArrayList<>(List.of("sites per request"));
        sizes.forEach(n -> header.add(String.valueOf(n)));
        Table table = new Table("Creation time in ms (p50, p90, p99 of " + options.repeat() + " creates), the floor"
                + " (one round trip to the farthest site + its VIM calls × " + options.vimLatency().toMillis()
                + " ms) and p50 / floor; " + rtt.toMillis() + " ms round trip between sites", header);
        for (String type : List.of("L3", "L2")) {
            table.row(row(type + " p50", sizes, points, type, p -> Table.ms(p.created().p50())));
            table.row(row(type + " p90", sizes, points, type, p -> Table.ms(p.created().p90())));
            table.row(row(type + " p99", sizes, points, type, p -> Table.ms(p.created().p99())));
            table.row(row(type + " floor", sizes, points, type, p -> Table.ms(p.floor().millis())));
            table.row(row(type + " p50 / floor", sizes, points, type, p -> Table.ratio(p.ratio())));
            if (points.stream().anyMatch(p -> p.type().equals(type) && p.failed() > 0)) {
                table.row(row(type + " failed creates", sizes, points, type, p -> String.valueOf(p.failed())));
            }
        }
        table.print(out);

        Table phases = new Table("Where the time goes (means over the measured creates, ms): the user's view; the"
                + " master's POST as its server timed it; its create-total (from the request's check to the answer);"
                + " the master's own local-read and local_pools; the round of create_part steps as the master timed"
                + " them; the farthest site's own part (local-create-part); the measured round trip",
                List.of("type", "sites", "client mean", "POST served", "create-total", "local-read", "local_pools",
                        "create_part", "remote part", "RTT"));
        for (LatencyWorkload.Point p : points) {
            phases.row(p.type(), String.valueOf(p.sites()), Table.ms(p.created().mean()), Table.ms(p.northServer().meanMillis()),
                    mean(p.masterPhases(), "create-total", "here"), mean(p.masterPhases(), "local-read", "here"),
                    mean(p.masterPhases(), "local_pools", "here"), mean(p.masterPhases(), "create_part", "peers"),
                    mean(p.peerPhases(), "local-create-part", "here"), Table.ms(p.floor().roundTripMillis()));
        }
        phases.print(out);

        int cores = Runtime.getRuntime().availableProcessors();
        Table cpu = new Table("CPU time per create while it ran (request to answer), ms: the master, each other site"
                + " (mean), all the request's sites, and the benchmark's JVM (client and delay proxies); the last"
                + " column is all of it over the " + cores + " cores: when it nears the client mean, the create waits"
                + " for CPU, not for the protocol", List.of("type", "sites", "client mean", "master", "each other site",
                "all sites", "benchmark JVM", "(all + benchmark) / cores"));
        for (LatencyWorkload.Point p : points) {
            LatencyWorkload.Cpu c = p.cpu();
            cpu.row(p.type(), String.valueOf(p.sites()), Table.ms(p.created().mean()), Table.ms(c.master()),
                    Table.ms(c.peer()), Table.ms(c.sites()), Table.ms(c.bench()), Table.ms((c.sites() + c.bench()) / cores));
        }
        if (points.stream().anyMatch(p -> !Double.isNaN(p.cpu().sites()))) {
            cpu.print(out);
        }
        targets(points, rtt, out);
    }

    private static String mean(List<PhaseScrape.Phase> phases, String name, String where) {
        return phases.stream().filter(p -> p.name().equals(name) && p.where().equals(where)).findFirst()
                .map(p -> Table.ms(p.meanMillis())).orElse("–");
    }

    private static List<String> row(String label, List<Integer> sizes, List<LatencyWorkload.Point> points, String type,
                                    java.util.function.Function<LatencyWorkload.Point, String> cell) {
        List<String> row = new ArrayList<>(List.of(label));
        for (int n : sizes) {
            row.add(find(points, type, n).map(cell).orElse("–"));
        }
        return row;
    }

    static Optional<LatencyWorkload.Point> find(List<LatencyWorkload.Point> points, String type, int n) {
        return points.stream().filter(p -> p.type().equals(type) && p.sites() == n).findFirst();
    }

    /** The targets for this run, each met or missed. */
    private static void targets(List<LatencyWorkload.Point> points, Duration rtt, PrintStream out) {
        out.println();
        if (rtt.isZero()) {
            for (String type : List.of("L3", "L2")) {
                Optional<LatencyWorkload.Point> six = find(points, type, 6);
                Optional<LatencyWorkload.Point> two = find(points, type, 2);
                six.ifPresent(p -> out.printf("target %s p50 at 6 sites <= 25 ms: %s ms, %s%n", type,
                        Table.ms(p.created().p50()), p.created().p50() <= 25 ? "met" : "MISSED"));
                if (six.isPresent() && two.isPresent()) {
                    double growth = six.get().created().p50() / two.get().created().p50();
                    out.printf("target %s p50(6 sites) <= 1.15 x p50(2 sites): %s, %s%n", type, Table.ratio(growth),
                            growth <= 1.15 ? "met" : "MISSED");
                }
            }
        } else {
            for (LatencyWorkload.Point p : points) {
                out.printf("target %s at %d sites p50 <= 1.25 x floor: %s, %s%n", p.type(), p.sites(),
                        Table.ratio(p.ratio()), p.ratio() <= 1.25 ? "met" : "MISSED");
            }
        }
        out.flush();
    }
}
