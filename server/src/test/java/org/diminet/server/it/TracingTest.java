package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.it.SiteClient.check;
import static org.diminet.server.it.SiteClient.resource;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * One trace per user request across sites: the caller's W3C {@code traceparent} (or a new trace) is put on
 * every East-West call, so each site's audit line names the same trace; with an OTLP endpoint set, every
 * site exports its spans of that trace; without one, nothing leaves a site.
 */
class TracingTest {
    private static final Pattern TRACE = Pattern.compile("trace=([0-9a-f]{32})");
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();
    private final List<byte[]> exported = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    /** After the sites started: starting a site sets logging up anew, which drops appenders added before. */
    private void listen() {
        audit.start();
        ((Logger) LoggerFactory.getLogger("org.diminet.audit")).addAppender(audit);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger("org.diminet.audit")).detachAppender(audit);
        if (collector != null) {
            collector.stop(0);
        }
    }

    @Test
    void everySiteOfACreateLogsTheCallersTrace_andANewTraceWhenTheCallerHasNone() throws Exception {
        try (MultiSiteCluster cluster = MultiSiteCluster.start(3)) {
            listen();
            ObjectNode body = l3Across(cluster, "traced", 61);
            String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

            String id = check(cluster.site(0).send("POST", "/api/intersite-vertical", body,
                    Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")), 201).text("global_id");

            assertThat(tracesOf("POST", id)).as("the master's North line and both peers' East-West lines")
                    .containsOnlyKeys("RegionOne", "RegionTwo", "RegionThree")
                    .allSatisfy((site, traces) -> assertThat(traces).containsOnly(traceId));

            audit.list.clear();
            check(cluster.site(0).delete(id), 204);
            Map<String, List<String>> delete = tracesOf("DELETE", id);
            assertThat(delete).containsOnlyKeys("RegionOne", "RegionTwo", "RegionThree");
            String fresh = delete.get("RegionOne").getFirst();
            assertThat(fresh).as("a new trace for a request without traceparent").isNotEqualTo(traceId);
            assertThat(delete).allSatisfy((site, traces) -> assertThat(traces).containsOnly(fresh));
        }
    }

    @Test
    void withAnOtlpEndpointEverySiteExportsItsSpansOfTheTrace() throws Exception {
        int port = startCollector(0);
        String endpoint = "http://127.0.0.1:" + port + "/v1/traces";
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        try (MultiSiteCluster cluster = MultiSiteCluster.start(3,
                region -> Map.of("management.otlp.tracing.endpoint", endpoint))) {
            check(cluster.site(0).send("POST", "/api/intersite-vertical", l3Across(cluster, "exported", 62),
                    Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")), 201);
        } // closing the sites flushes their span exporters
        byte[] rawTraceId = HexFormat.of().parseHex(traceId);
        List<String> regions = exported.stream().filter(payload -> contains(payload, rawTraceId))
                .flatMap(payload -> List.of("RegionOne", "RegionTwo", "RegionThree").stream()
                        .filter(region -> contains(payload, region.getBytes(StandardCharsets.UTF_8))))
                .distinct().toList();
        assertThat(regions).as("sites whose exported spans carry the trace")
                .containsExactlyInAnyOrder("RegionOne", "RegionTwo", "RegionThree");
    }

    @Test
    void withoutAnEndpointNothingIsExported() throws Exception {
        try {
            startCollector(4318); // where an OTLP exporter with no endpoint set would send
        } catch (BindException e) {
            Assumptions.abort("port 4318 is in use here: " + e.getMessage());
        }
        try (MultiSiteCluster cluster = MultiSiteCluster.start(2)) {
            check(cluster.site(0).send("POST", "/api/intersite-vertical", l3Across(cluster, "quiet", 63), Map.of()), 201);
        }
        assertThat(exported).as("span exports received without an endpoint set").isEmpty();
    }

    private ObjectNode l3Across(MultiSiteCluster cluster, String name, int octet) {
        ObjectNode body = SiteClient.JSON.createObjectNode().put("name", name).put("type", "L3");
        ArrayNode resources = body.putArray("resources");
        for (int i = 0; i < cluster.size(); i++) {
            SiteClient site = cluster.site(i);
            resources.add(resource(site.region, site.createNetwork(name, "10." + octet + "." + (i + 1) + ".0/24")));
        }
        return body;
    }

    /** Each site's trace ids in its audit lines of {@code method} calls naming {@code id}. */
    private Map<String, List<String>> tracesOf(String method, String id) {
        Map<String, List<String>> bySite = new java.util.TreeMap<>();
        for (ILoggingEvent event : audit.list) {
            String line = event.getFormattedMessage();
            Matcher trace = TRACE.matcher(line);
            if (line.contains("call=\"" + method + " ") && line.contains(id) && trace.find()) {
                String site = line.substring(line.indexOf("site=") + 5, line.indexOf(' ', line.indexOf("site=")));
                bySite.computeIfAbsent(site, s -> new java.util.ArrayList<>()).add(trace.group(1));
            }
        }
        return bySite;
    }

    private int startCollector(int port) throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        collector.createContext("/", exchange -> {
            exported.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        return collector.getAddress().getPort();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
