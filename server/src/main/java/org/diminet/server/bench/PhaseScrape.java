package org.diminet.server.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site's phase timers ({@code diminet_phase_seconds}) and request timers ({@code http_server_requests_seconds})
 * as {@code /actuator/prometheus} shows them at one moment. Two scrapes make a {@link #since difference}:
 * the count and total time of each phase between them, so that a latency point shows where its time went.
 */
public final class PhaseScrape {
    private static final Pattern LINE = Pattern.compile("^(\\w+)\\{(.*)}\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final List<String> KEPT = List.of("diminet_phase_seconds_count", "diminet_phase_seconds_sum",
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum");

    /** metric name + sorted labels → value */
    private final Map<Series, Double> values;

    private PhaseScrape(Map<Series, Double> values) {
        this.values = values;
    }

    record Series(String name, Map<String, String> labels) {
    }

    public static PhaseScrape parse(String prometheusText) {
        Map<Series, Double> values = new HashMap<>();
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.trim());
            if (!m.matches() || !KEPT.contains(m.group(1))) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            Matcher label = LABEL.matcher(m.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            try {
                values.put(new Series(m.group(1), labels), Double.parseDouble(m.group(3)));
            } catch (NumberFormatException ignored) {
                // NaN or something new: not ours
            }
        }
        return new PhaseScrape(values);
    }

    public static PhaseScrape empty() {
        return new PhaseScrape(Map.of());
    }

    /** What happened between {@code earlier} and this scrape. */
    public PhaseScrape since(PhaseScrape earlier) {
        Map<Series, Double> delta = new HashMap<>();
        values.forEach((series, value) -> {
            double diff = value - earlier.values.getOrDefault(series, 0.0);
            if (diff != 0) {
                delta.put(series, diff);
            }
        });
        return new PhaseScrape(delta);
    }

    /** The sum of this scrape and {@code other} (e.g. of several sites). */
    public PhaseScrape plus(PhaseScrape other) {
        Map<Series, Double> sum = new HashMap<>(values);
        other.values.forEach((series, value) -> sum.merge(series, value, Double::sum));
        return new PhaseScrape(sum);
    }

    /** The successful phases of services of {@code type} wherever they ran (where = "all"), by name. */
    public List<Phase> phases(String type) {
        Map<String, double[]> sums = new TreeMap<>();
        values.forEach((series, value) -> {
            Map<String, String> l = series.labels();
            if (series.name().startsWith("diminet_phase_seconds") && type.equals(l.get("type"))
                    && "ok".equals(l.get("outcome"))) {
                sums.computeIfAbsent(l.get("phase"), k -> new double[2])[series.name().endsWith("_count") ? 0 : 1] += value;
            }
        });
        List<Phase> phases = new ArrayList<>();
        sums.forEach((name, acc) -> {
            if (acc[0] > 0) {
                phases.add(new Phase(name, "all", Math.round(acc[0]), acc[1] * 1000 / acc[0]));
            }
        });
        return phases;
    }

    /** One phase: how often it ran (successfully) and its mean duration in ms. */
    public record Phase(String name, String where, long count, double meanMillis) {
    }

    /**
     * The successful phases of services of {@code type}, grouped by name and by where they ran: "here"
     * (at {@code site} itself) or "peers" (steps sent to other sites, all of them together), in the order
     * they first appear, the operations' totals first.
     */
    public List<Phase> phases(String type, String site) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        values.forEach((series, value) -> {
            Map<String, String> l = series.labels();
            if (!series.name().startsWith("diminet_phase_seconds") || !type.equals(l.get("type"))
                    || !"ok".equals(l.get("outcome"))) {
                return;
            }
            String key = l.get("phase") + "|" + (site.equals(l.get("at")) ? "here" : "peers");
            double[] acc = sums.computeIfAbsent(key, k -> new double[2]);
            acc[series.name().endsWith("_count") ? 0 : 1] += value;
        });
        List<Phase> phases = new ArrayList<>();
        sums.forEach((key, acc) -> {
            String[] parts = key.split("\\|");
            if (acc[0] > 0) {
                phases.add(new Phase(parts[0], parts[1], Math.round(acc[0]), acc[1] * 1000 / acc[0]));
            }
        });
        phases.sort(java.util.Comparator.comparing((Phase p) -> !p.name().endsWith("-total"))
                .thenComparing(Phase::name).thenComparing(Phase::where));
        return phases;
    }

    /** The server's own time for requests to {@code uri} with {@code method} that answered {@code status}: count and mean ms. */
    public Phase requests(String method, String uri, String status) {
        double count = 0;
        double sum = 0;
        for (Map.Entry<Series, Double> e : values.entrySet()) {
            Map<String, String> l = e.getKey().labels();
            if (!e.getKey().name().startsWith("http_server_requests_seconds") || !method.equals(l.get("method"))
                    || !uri.equals(l.get("uri")) || !status.equals(l.get("status"))) {
                continue;
            }
            if (e.getKey().name().endsWith("_count")) {
                count += e.getValue();
            } else {
                sum += e.getValue();
            }
        }
        return new Phase(method + " " + uri, "server", Math.round(count), count == 0 ? Double.NaN : sum * 1000 / count);
    }
}
