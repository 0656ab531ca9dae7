package org.diminet.server.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Part 3's table: the pair empty and loaded, side by side, with the targets. */
final class ScaleReport {
    private static final double MIB = 1024 * 1024;

    private ScaleReport() {
    }

    static void print(ScaleWorkload.Result r, PrintStream out) {
        ScaleWorkload.Snapshot e = r.empty();
        ScaleWorkload.Snapshot l = r.loaded();
        Table table = new Table(String.format("A site pair with %,d services (half L3, half L2, all mastered by the first"
                + " site; loaded in %.0f s)", l.services(), r.loadSeconds()),
                List.of("measure", "empty", String.format("%,d services", l.services()), "target"));
        for (String region : l.residentBytes().keySet()) {
            table.row("resident memory of " + region + ", MiB", mib(e.residentBytes().get(region)),
                    mib(l.residentBytes().get(region)), "<= 256");
        }
        for (Map.Entry<String, Long> db : l.databaseBytes().entrySet()) {
            table.row("database (" + r.storeKind() + ") of " + db.getKey() + ", bytes per service", "–",
                    String.format("%,d", db.getValue() / Math.max(1, l.services())), "<= 5,000");
        }
        for (Map.Entry<String, Long> vim : l.vimBytes().entrySet()) {
            table.row("embedded VIM files of " + vim.getKey() + ", MiB", String.format("%.1f", e.vimBytes().get(vim.getKey()) / MIB),
                    String.format("%.1f", vim.getValue() / MIB), "");
        }
        table.row("L3 creation p50, ms (ratio to empty)", Table.ms(e.l3Create()),
                Table.ms(l.l3Create()) + " (" + Table.ratio(l.l3Create() / e.l3Create()) + ")", "<= 1.10 x empty");
        table.row("L2 creation p50, ms (ratio to empty)", Table.ms(e.l2Create()),
                Table.ms(l.l2Create()) + " (" + Table.ratio(l.l2Create() / e.l2Create()) + ")", "<= 1.10 x empty");
        table.row("Neutron API network + subnet create p50, ms", Table.ms(e.networkCreate()), Table.ms(l.networkCreate()),
                "flat: O(change)");
        table.row("GET /api/intersite-vertical (all), p50 ms", Table.ms(e.listAll().p50()),
                Table.ms(l.listAll().p50()) + String.format(" (%,d services, %,d bytes)", l.listedAll(), l.listBytes()), "");
        table.row("a page of 100 (?limit=100), p50 ms", page(e.page(), false), page(l.page(), false), "<= 50");
        table.row("a page further on (&marker=…), p50 ms", page(e.page(), true), page(l.page(), true), "<= 50");
        for (String region : l.startMillis().keySet()) {
            table.row("start of " + region + " (launch to first 200 of /api/health), s",
                    seconds(e.startMillis().get(region)), seconds(l.startMillis().get(region)), "");
        }
        table.print(out);
        out.println();
        List<String> misses = new ArrayList<>();
        l.residentBytes().forEach((region, rss) -> {
            if (rss.isPresent() && rss.getAsLong() > 256 * MIB) {
                misses.add("resident memory of " + region);
            }
        });
        l.databaseBytes().forEach((db, bytes) -> {
            if (bytes / Math.max(1, l.services()) > 5_000) {
                misses.add("database bytes per service of " + db);
            }
        });
        if (l.l3Create() > 1.10 * e.l3Create()) {
            misses.add("L3 creation p50 within 10 % of empty");
        }
        if (l.l2Create() > 1.10 * e.l2Create()) {
            misses.add("L2 creation p50 within 10 % of empty");
        }
        if (!l.page().paginated()) {
            misses.add("listing paginated (limit, marker, links): ?limit=100 returned every service");
        } else if (l.page().first().p50() > 50 || l.page().next().p50() > 50) {
            misses.add("a page of 100 in <= 50 ms");
        }
        if (l.residentBytes().values().stream().anyMatch(OptionalLong::isEmpty)) {
            out.println("resident memory: not measured (the sites share this JVM; run with --processes)");
        }
        out.println("scale targets " + (misses.isEmpty() ? "all met" : "MISSED: " + String.join("; ", misses)));
        out.flush();
    }

    private static String page(ScaleWorkload.Page page, boolean further) {
        if (!page.paginated()) {
            return "not paginated";
        }
        Percentiles p = further ? page.next() : page.first();
        return p.count() == 0 ? "–" : Table.ms(p.p50());
    }

    private static String mib(OptionalLong bytes) {
        return bytes == null || bytes.isEmpty() ? "–" : String.format("%.0f", bytes.getAsLong() / MIB);
    }

    private static String seconds(Long millis) {
        return millis == null ? "–" : String.format("%.1f", millis / 1000.0);
    }
}
