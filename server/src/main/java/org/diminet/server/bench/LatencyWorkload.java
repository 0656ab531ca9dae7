package org.diminet.server.bench;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Part 1: creation latency. For a type and a number of sites n, {@code warmup + repeat} rounds of: fresh
 * networks (L3: one per site; L2: one at the master), the timed create through the master's North API,
 * the delete, the networks' removal. Around the measured rounds the master's and the farthest site's
 * phase timers are scraped, so that each point says where its time went; the floor comes from a
 * measured round trip and the VIM latency.
 */
final class LatencyWorkload {
    private final BenchClient client;
    private final Networks networks;
    private final int repeat;
    private final int warmup;
    private final double vimLatencyMillis;
    private final PrintStream out;

    LatencyWorkload(BenchClient client, Networks networks, int repeat, int warmup, double vimLatencyMillis, PrintStream out) {
        this.client = client;
        this.networks = networks;
        this.repeat = repeat;
        this.warmup = warmup;
        this.vimLatencyMillis = vimLatencyMillis;
        this.out = out;
    }

    /**
     * One measured point.
     *
     * @param roundTrip      the injected round trip between sites, ms
     * @param created        the creates as the user sees them (client side, from request to whole answer)
     * @param floor          one round trip to the farthest site plus its sequential VIM work
     * @param masterPhases   the master's phase timers over the measured creates (steps sent to peers as "peers")
     * @param peerPhases     the farthest site's phase timers (its own part's creation as "here")
     * @param northServer    the master's own time for the POSTs (Spring's request timer)
     * @param deleteRetries  deletes that had to be asked again (a 409 while the create's clean-up ran)
     * @param cpu            CPU time per create, from its request to its answer
     * @param failures       creates that did not answer 201, by status and problem type (not timed)
     */
    record Point(String type, int sites, double roundTrip, Percentiles created, Floor floor,
                 List<PhaseScrape.Phase> masterPhases, List<PhaseScrape.Phase> peerPhases, PhaseScrape.Phase northServer,
                 int deleteRetries, Cpu cpu, Map<String, Integer> failures) {
        double ratio() {
            return created.p50() / floor.millis();
        }

        int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Unmeasured creates (L3 and L2 in turn) over the first {@code n} sites, so that every site's JIT has
     * compiled the paths the points then measure: a fresh JVM is several times slower for its first hundred
     * requests.
     */
    void warmUp(BenchCluster cluster, int n, int rounds) {
        List<String> regions = cluster.regions().subList(0, n);
        long start = System.nanoTime();
        int failed = 0;
        for (int round = 0; round < rounds; round++) {
            String type = round % 2 == 0 ? "L3" : "L2";
            Map<String, String> made = networks.create(cluster, type.equals("L3") ? regions : List.of(regions.getFirst()),
                    "bench-warmup");
            BenchClient.Answer created;
            try {
                created = client.createService(cluster.url(regions.getFirst()),
                        ServiceBodies.create("bench-warmup", type, regions, made));
            } catch (RuntimeException e) {
                created = new BenchClient.Answer(0, e.getMessage(), Double.NaN);
            }
            if (created.status() == 201) {
                delete(cluster.url(regions.getFirst()), created.json().path("global_id").asText());
            } else {
                out.printf("warm-up create %d failed: %s %s%n", round, created.status(), created.body());
                if (++failed > Math.max(5, rounds / 5)) {
                    networks.delete(cluster, made);
                    throw new IllegalStateException("the warm-up failed " + failed + " times; the sites cannot keep up");
                }
            }
            networks.delete(cluster, made);
        }
        out.printf("warmed up with %d creates over %d sites in %.1f s%n", rounds, n, (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    /**
     * CPU time used per create while it ran (from the request to the answer, so not the clean-up after),
     * in ms: by the master, by each other site of the request (mean), by all the request's sites, and by
     * this JVM (the client and the delay proxies). NaN when the sites share this JVM.
     */
    record Cpu(double master, double peer, double sites, double bench) {
        static final Cpu UNKNOWN = new Cpu(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    Point measure(BenchCluster cluster, String type, int n) {
        List<String> regions = cluster.regions().subList(0, n);
        String master = regions.getFirst();
        String farthest = regions.getLast();
        URI masterUrl = cluster.url(master);
        double rtt = RoundTrips.typical(client, regions.subList(1, n).stream().map(cluster::peerUrl).toList(),
                n > 12 ? 5 : 10);
        Floor floor = new Floor(rtt, Floor.remoteVimCalls(type), vimLatencyMillis);
        List<Double> times = new ArrayList<>();
        Map<String, Integer> failures = new TreeMap<>();
        PhaseScrape masterBefore = PhaseScrape.empty();
        PhaseScrape peerBefore = PhaseScrape.empty();
        int retries = 0;
        List<Long> pids = regions.stream().map(r -> cluster.pid(r).orElse(-1)).toList();
        boolean countCpu = cluster.separateProcesses() && pids.stream().allMatch(pid -> pid > 0);
        long[] cpu = new long[n + 1]; // per site of the request, then this JVM
        int measured = 0;
        for (int round = -warmup; round < repeat; round++) {
            if (round == 0) {
                masterBefore = scrape(masterUrl);
                peerBefore = scrape(cluster.url(farthest));
            }
            List<String> withNetwork = type.equals("L3") ? regions : List.of(master);
            Map<String, String> made = networks.create(cluster, withNetwork, "bench-" + type + "-" + n);
            long[] before = countCpu && round >= 0 ? cpuNow(pids) : null;
            BenchClient.Answer created;
            try {
                created = client.createService(masterUrl, ServiceBodies.create("bench-" + type + "-" + n, type, regions, made));
            } catch (RuntimeException e) {
                created = new BenchClient.Answer(0, e.getMessage(), Double.NaN);
            }
            if (before != null) {
                long[] after = cpuNow(pids);
                for (int i = 0; i < cpu.length; i++) {
                    cpu[i] += after[i] - before[i];
                }
                measured++;
            }
            if (created.status() == 201) {
                if (round >= 0) {
                    times.add(created.millis());
                }
                retries += delete(masterUrl, created.json().path("global_id").asText());
            } else {
                // A failed create is counted, not timed; the run goes on (it leaves nothing behind by design).
                String why = created.status() == 0 ? "no answer: " + created.body()
                        : created.status() + " " + created.problemCode();
                failures.merge(why, 1, Integer::sum);
                out.printf("        %s create at %d sites failed: %s%n", type, n, created.status() == 0 ? why
                        : created.status() + " " + created.body());
                if (failures.values().stream().mapToInt(Integer::intValue).sum() > Math.max(5, repeat / 5)) {
                    out.printf("        too many failures: %s at %d sites abandoned after %d rounds%n", type, n,
                            round + warmup + 1);
                    networks.delete(cluster, made);
                    break;
                }
            }
            networks.delete(cluster, made);
        }
        PhaseScrape masterDelta = scrape(masterUrl).since(masterBefore);
        PhaseScrape peerDelta = scrape(cluster.url(farthest)).since(peerBefore);
        Point point = new Point(type, n, cluster.roundTrip().toNanos() / 1e6, Percentiles.of(times), floor,
                masterDelta.phases(type, master), peerDelta.phases(type, farthest),
                masterDelta.requests("POST", "/api/intersite-vertical", "201"), retries,
                countCpu && measured > 0 ? cpuPerCreate(cpu, measured) : Cpu.UNKNOWN, failures);
        report(point);
        return point;
    }

    private static long[] cpuNow(List<Long> pids) {
        long[] now = new long[pids.size() + 1];
        for (int i = 0; i < pids.size(); i++) {
            now[i] = Machine.cpuMillis(pids.get(i)).orElse(0);
        }
        now[pids.size()] = Machine.cpuMillis(ProcessHandle.current().pid()).orElse(0);
        return now;
    }

    private static Cpu cpuPerCreate(long[] total, int creates) {
        int n = total.length - 1;
        double sites = 0;
        for (int i = 0; i < n; i++) {
            sites += total[i];
        }
        return new Cpu((double) total[0] / creates, (sites - total[0]) / (n - 1) / creates, sites / creates,
                (double) total[n] / creates);
    }

    /** Deletes through the master and waits until the service is gone everywhere; returns how many 409s it met first. */
    int delete(URI master, String globalId) {
        int conflicts = 0;
        for (int attempt = 0; ; attempt++) {
            BenchClient.Answer answer = client.deleteService(master, globalId);
            if (answer.status() == 204 || answer.status() == 404) {
                return conflicts;
            }
            if (answer.status() == 202) {
                awaitGone(master, globalId);
                return conflicts;
            }
            if (answer.status() != 409 || attempt >= 100) {
                throw new IllegalStateException("delete of " + globalId + ": " + answer.status() + " " + answer.body());
            }
            conflicts++;
            sleep(10);
        }
    }

    private void awaitGone(URI master, String globalId) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (client.get(master, "/api/intersite-vertical/" + globalId).status() != 404) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("service " + globalId + " still there a minute after its delete");
            }
            sleep(20);
        }
    }

    PhaseScrape scrape(URI site) {
        return PhaseScrape.parse(client.prometheus(site));
    }

    private void report(Point p) {
        out.printf("%s %2d sites: p50 %s  p90 %s  p99 %s  max %s ms | floor %s (RTT %s + %d VIM calls × %s) | p50/floor %s%n",
                p.type(), p.sites(), Table.ms(p.created().p50()), Table.ms(p.created().p90()), Table.ms(p.created().p99()),
                Table.ms(p.created().max()), Table.ms(p.floor().millis()), Table.ms(p.floor().roundTripMillis()),
                p.floor().vimCalls(), Table.ms(p.floor().vimLatencyMillis()), Table.ratio(p.ratio()));
        out.println("        master: " + describe(p.masterPhases()) + "; POST served in " + Table.ms(p.northServer().meanMillis())
                + " (server side)");
        out.println("        farthest site: " + describe(p.peerPhases().stream().filter(ph -> ph.where().equals("here")).toList()));
        if (!Double.isNaN(p.cpu().sites())) {
            out.printf("        CPU per create: master %s, each other site %s, all %d sites %s, benchmark JVM %s ms%n",
                    Table.ms(p.cpu().master()), Table.ms(p.cpu().peer()), p.sites(), Table.ms(p.cpu().sites()),
                    Table.ms(p.cpu().bench()));
        }
        if (p.failed() > 0) {
            out.println("        " + p.failed() + " creates failed (not timed): " + p.failures());
        }
        if (p.deleteRetries() > 0) {
            out.println("        (" + p.deleteRetries() + " deletes answered 409 first and were asked again)");
        }
        out.flush();
    }

    static String describe(List<PhaseScrape.Phase> phases) {
        return phases.stream().filter(ph -> !ph.name().startsWith("delete") && !ph.name().equals("data-plane-detach")
                        && !ph.name().equals("local_remove"))
                .map(ph -> ph.name() + (ph.where().equals("peers") ? "@peers" : "") + " " + Table.ms(ph.meanMillis()))
                .collect(Collectors.joining(", "));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
