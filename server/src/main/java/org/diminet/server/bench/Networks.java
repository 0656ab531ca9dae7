package org.diminet.server.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Fresh networks for the benchmark's services, made and removed through the sites' embedded Neutron APIs, in parallel across sites. */
final class Networks implements AutoCloseable {
    private final BenchClient client;
    private final Cidrs cidrs;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

    Networks(BenchClient client, Cidrs cidrs) {
        this.client = client;
        this.cidrs = cidrs;
    }

    /** One network (with a subnet of a fresh /24) at each of {@code regions}; region → network id. */
    Map<String, String> create(BenchCluster cluster, List<String> regions, String name) {
        Map<String, Future<String>> made = new LinkedHashMap<>();
        for (String region : regions) {
            String cidr = cidrs.next();
            made.put(region, pool.submit(() -> client.createNetwork(cluster.url(region), name, cidr)));
        }
        Map<String, String> ids = new LinkedHashMap<>();
        made.forEach((region, id) -> ids.put(region, join(id)));
        return ids;
    }

    /** One network (with a subnet of a fresh /24) at {@code region}; its id. */
    String createOne(BenchCluster cluster, String region, String name) {
        return client.createNetwork(cluster.url(region), name, cidrs.next());
    }

    /** Deletes the given networks (region → id), in parallel. */
    void delete(BenchCluster cluster, Map<String, String> networks) {
        List<Future<Boolean>> deletions = networks.entrySet().stream()
                .map(e -> pool.submit(() -> {
                    client.deleteNetwork(cluster.url(e.getKey()), e.getValue());
                    return true;
                }))
                .toList();
        deletions.forEach(Networks::join);
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
