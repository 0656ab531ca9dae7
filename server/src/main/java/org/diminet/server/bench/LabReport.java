package org.diminet.server.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Part 4's table: DIMINET next to the raw Neutron work, rows L3 and L2, a column per number of regions. */
final class LabReport {
    private LabReport() {
    }

    static void print(List<LabWorkload.Point> points, PrintStream out) {
        List<Integer> sizes = points.stream().map(LabWorkload.Point::sites).distinct().sorted().toList();
        List<String> header = new ArrayList<>(List.of("regions per request"));
        sizes.forEach(n -> header.add(String.valueOf(n)));
        Table table = new Table("Beside the lab: creation p50 in ms, DIMINET and the raw Neutron work of the same"
                + " service issued directly (in parallel across regions, same run), and their ratio", header);
        for (String type : List.of("L3", "L2")) {
            table.row(row(type + " DIMINET", sizes, points, type, p -> Table.ms(p.diminet().p50())));
            table.row(row(type + " raw Neutron", sizes, points, type, p -> Table.ms(p.raw().p50())));
            table.row(row(type + " ratio", sizes, points, type, p -> Table.ratio(p.ratio())));
        }
        table.print(out);
        out.println();
        for (LabWorkload.Point p : points) {
            out.printf("target %s at %d regions DIMINET p50 <= 1.1 x raw Neutron: %s, %s%n", p.type(), p.sites(),
                    Table.ratio(p.ratio()), p.ratio() <= 1.1 ? "met" : "MISSED");
        }
        out.flush();
    }

    private static List<String> row(String label, List<Integer> sizes, List<LabWorkload.Point> points, String type,
                                    java.util.function.Function<LabWorkload.Point, String> cell) {
        List<String> row = new ArrayList<>(List.of(label));
        for (int n : sizes) {
            row.add(points.stream().filter(p -> p.type().equals(type) && p.sites() == n).findFirst().map(cell).orElse("–"));
        }
        return row;
    }
}
