package org.diminet.server.peers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.diminet.core.domain.Caller;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.error.InvalidRequestException;
import org.diminet.core.domain.error.PeerException;
import org.diminet.core.peer.CreatePartRequest;
import org.diminet.core.peer.PartReply;
import org.diminet.core.peer.Peers;
import org.diminet.core.peer.Standing;
import org.diminet.core.peer.UpdatePartRequest;
import org.diminet.server.wire.PoolRequest;
import org.diminet.core.vim.NetworkSummary;
import org.diminet.server.wire.NetworkList;
import org.diminet.server.wire.NetworkView;
import org.diminet.server.wire.ResourceChangeRequest;
import org.diminet.server.wire.ResourceBody;
import org.diminet.server.wire.ServiceView;

/**
 * Talks to other DIMINET sites with the JDK's HTTP client. Failures become {@link PeerException}s
 * that name the region: no answer in time, no connection, or the peer's own problem details when it
 * refused.
 */
public final class HttpPeers implements Peers {
    private final PeerDirectory sites;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final ObjectMapper json;
    private final PeerCredentials credentials;
    private final PeerCallTracing tracing;

    public HttpPeers(PeerDirectory sites, Duration connectTimeout, Duration requestTimeout, ObjectMapper json,
                     PeerCredentials credentials) {
        this(sites, connectTimeout, requestTimeout, json, credentials, PeerCallTracing.NONE);
    }

    public HttpPeers(PeerDirectory sites, Duration connectTimeout, Duration requestTimeout, ObjectMapper json,
                     PeerCredentials credentials, PeerCallTracing tracing) {
        this.tracing = tracing;
        this.sites = sites;
        this.requestTimeout = requestTimeout;
        this.json = json;
        this.credentials = credentials;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor());
        if (credentials instanceof PeerCredentials.Certificate certificate) {
            builder.sslContext(certificate.context()).sslParameters(certificate.parameters());
        }
        this.client = builder.build();
    }

    @Override
    public Set<Region> knownRegions() {
        return sites.regions();
    }

    @Override
    public PartReply createPart(Region site, CreatePartRequest request) {
        return call(site, "POST", "/api/intersite-horizontal", request, PartReply.class);
    }

    @Override
    public PartReply readPart(Region site, GlobalId id) {
        return call(site, "GET", "/api/intersite-horizontal/" + id, null, PartReply.class);
    }

    @Override
    public PartReply updatePart(Region site, GlobalId id, UpdatePartRequest request) {
        return call(site, "PUT", "/api/intersite-horizontal/" + id, request, PartReply.class);
    }

    @Override
    public void deletePart(Region site, GlobalId id, Optional<UUID> abandonedOperation) {
        String query = abandonedOperation.map(op -> "?abandoned_operation=" + op).orElse("");
        call(site, "DELETE", "/api/intersite-horizontal/" + id + query, null, Void.class);
    }

    @Override
    public IpRange requestPool(Region master, GlobalId id, Region requester, String key) {
        return call(master, "POST", "/api/intersite-horizontal/" + id + "/pools",
                new PoolRequest(requester.name(), key), IpRange.class);
    }

    @Override
    public Standing standing(Region master, GlobalId id, Region region) {
        return call(master, "GET", "/api/intersite-horizontal/" + id + "/sites/" + region.name(), null, Standing.class);
    }

    @Override
    public Duration ping(Region site) {
        long start = System.nanoTime();
        call(site, "GET", "/api/region", null, Void.class, PING_TIMEOUT.compareTo(requestTimeout) < 0 ? PING_TIMEOUT : requestTimeout);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public InterSiteService forwardUpdate(Region master, GlobalId id, List<Resource> resources, Caller caller) {
        ResourceChangeRequest body = new ResourceChangeRequest(resources.stream().map(ResourceBody::of).toList(), null);
        return call(master, "PUT", "/api/intersite-vertical/" + id, body, ServiceView.class, requestTimeout,
                Optional.of(caller)).toDomain();
    }

    @Override
    public Optional<InterSiteService> forwardDelete(Region master, GlobalId id, Caller caller) {
        return Optional.ofNullable(call(master, "DELETE", "/api/intersite-vertical/" + id, null, ServiceView.class,
                        requestTimeout, Optional.of(caller)))
                .map(ServiceView::toDomain);
    }

    @Override
    public List<NetworkSummary> networksAt(Region site, Caller caller) {
        NetworkList answer = call(site, "GET", NetworkList.PATH, null, NetworkList.class, requestTimeout,
                Optional.of(caller));
        return answer == null || answer.networks() == null ? List.of()
                : answer.networks().stream().map(NetworkView::toDomain).toList();
    }

    /** A probe need not wait as long as a real call: a site that takes this long is not well. */
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    private <T> T call(Region site, String method, String path, Object body, Class<T> answer) {
        return call(site, method, path, body, answer, requestTimeout);
    }

    private <T> T call(Region site, String method, String path, Object body, Class<T> answer, Duration timeout) {
        return call(site, method, path, body, answer, timeout, Optional.empty());
    }

    /**
     * One call. A user's request handed to the master ({@code onBehalfOf}) carries the user's own token,
     * so the master decides what that user may do; every other call carries this site's credentials.
     * A 401 to this site's token is asked once more with a fresh one (it may have expired meanwhile).
     */
    private <T> T call(Region site, String method, String path, Object body, Class<T> answer, Duration timeout,
                       Optional<Caller> onBehalfOf) {
        URI base = sites.urlOf(site).orElseThrow(() -> new InvalidRequestException("region",
                "region " + site + " is unknown here; known regions: " + sites.regions()));
        HttpResponse<byte[]> response = send(site, base, method, path, body, timeout, onBehalfOf);
        if (response.statusCode() == 401 && onBehalfOf.isEmpty()) {
            credentials.refresh();
            response = send(site, base, method, path, body, timeout, onBehalfOf);
        }
        if (response.statusCode() >= 400) {
            throw refused(site, response);
        }
        if (answer == Void.class || response.body().length == 0) {
            return null;
        }
        try {
            return json.readValue(response.body(), answer);
        } catch (IOException | RuntimeException e) {
            throw new PeerException(site, PeerException.Kind.BAD_RESPONSE, response.statusCode(), null,
                    "site " + site + " answered " + method + " " + path + " with a body that could not be read: " + e.getMessage());
        }
    }

    private HttpResponse<byte[]> send(Region site, URI base, String method, String path, Object body, Duration timeout,
                                      Optional<Caller> onBehalfOf) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(write(body)));
        credentials.addTo(builder);
        onBehalfOf.ifPresent(caller -> builder.setHeader("X-Auth-Token", caller.credential().secret()));
        return tracing.around(site, method, path, builder, () -> exchange(site, base, builder));
    }

    private HttpResponse<byte[]> exchange(Region site, URI base, HttpRequest.Builder builder) {
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw PeerException.notSent(site, "no connection to " + base + " within the connect timeout");
        } catch (HttpTimeoutException e) {
            throw PeerException.timeout(site);
        } catch (ConnectException e) {
            throw PeerException.notSent(site, "connection to " + base + " refused");
        } catch (IOException e) {
            throw PeerException.unreachable(site, e.getClass().getSimpleName() + " talking to " + base
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PeerException.unreachable(site, "interrupted");
        }
    }

    private PeerException refused(Region site, HttpResponse<byte[]> response) {
        String detail = new String(response.body(), StandardCharsets.UTF_8);
        String problem = null;
        Region about = site;
        try {
            JsonNode node = json.readTree(response.body());
            if (node != null && node.hasNonNull("detail")) {
                detail = node.get("detail").asText();
                problem = node.hasNonNull("problem") ? node.get("problem").asText() : null;
                // A forwarded request's failure may be about a third site (the master could not reach it).
                about = node.hasNonNull("region") ? new Region(node.get("region").asText()) : site;
            }
        } catch (IOException | RuntimeException e) {
            // Not problem details (a proxy's HTML page, say): the raw body is the best we have.
        }
        String prefix = detail.contains(about.name()) ? "" : site + ": ";
        return new PeerException(about, PeerException.Kind.REFUSED, response.statusCode(), problem, prefix + detail);
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
