package org.diminet.core.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.diminet.core.domain.Connection;
import org.diminet.core.domain.DataPlaneAttachment;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.RouteTarget;

/**
 * Keeps a site's connections and data-plane attachment in line with the service's resources: this
 * site exports its own route target and imports every other site's (paper IV-F), for L2 and L3 alike.
 */
public final class DataPlaneWiring {
    private DataPlaneWiring() {
    }

    public static List<Connection> connectionsAt(Region local, InterSiteService service) {
        RouteTarget export = RouteTarget.exportedBy(service.id(), local);
        return service.resources().stream()
                .filter(r -> !r.region().equals(local))
                .map(r -> new Connection(r.region(), r.network(), export,
                        RouteTarget.exportedBy(service.id(), r.region())))
                .toList();
    }

    /** Attaches or re-targets the local network and returns the service with its new connections. */
    public static InterSiteService wire(SiteContext site, InterSiteService service) {
        List<Connection> connections = connectionsAt(site.local(), service);
        Set<RouteTarget> imports = connections.stream().map(Connection::remoteExport).collect(Collectors.toSet());
        NetworkId localNetwork = service.resourceAt(site.local()).flatMap(r -> r.network()).orElseThrow(
                () -> new IllegalStateException("service " + service.id() + " has no local network at " + site.local()));
        DataPlaneAttachment attachment = site.phases().timed(service.id(), "data-plane", () ->
                service.attachment()
                        .map(existing -> site.dataPlane().updateImports(existing, imports))
                        .orElseGet(() -> site.dataPlane().attach(service.id(), service.type(), localNetwork,
                                RouteTarget.exportedBy(service.id(), site.local()), imports)));
        return service.withDataPlane(connections, Optional.of(attachment), site.now());
    }

    /**
     * The master's own data-plane work, started while the other sites do theirs: it depends only on
     * the global id and the regions, so it need not wait for the round of creates.
     */
    public static final class Pending {
        private final java.util.concurrent.Future<InterSiteService> wiring;

        private Pending(java.util.concurrent.Future<InterSiteService> wiring) {
            this.wiring = wiring;
        }

        /** Waits for the wiring; its failure is thrown as it happened. */
        public InterSiteService await() {
            try {
                return wiring.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while connecting the local network", e);
            }
        }

        /** Waits, then removes what the wiring created, if anything. */
        public void undo(SiteContext site) {
            InterSiteService wired;
            try {
                wired = await();
            } catch (RuntimeException failed) {
                return; // a failed attach leaves nothing behind
            }
            unwire(site, wired);
        }
    }

    public static Pending begin(SiteContext site, InterSiteService service) {
        return new Pending(site.fanout().start(() -> wire(site, service)));
    }

    /**
     * Stores {@code service} ACTIVE with the data-plane attachment the pending wiring made and
     * connections computed from its final resources. On failure the attachment is removed again.
     */
    public static InterSiteService activate(SiteContext site, InterSiteService service, Pending pending) {
        return store(site, service, pending.await());
    }

    /**
     * Connects the service's local network and stores it ACTIVE. If storing fails, the connection is
     * removed again, so the caller only has its own earlier steps to undo.
     */
    public static InterSiteService activate(SiteContext site, InterSiteService service) {
        return store(site, service, wire(site, service));
    }

    /** Stores the service ACTIVE with the attachment {@code wired} carries; removes that attachment if storing fails. */
    private static InterSiteService store(SiteContext site, InterSiteService service, InterSiteService wired) {
        try {
            InterSiteService active = service
                    .withDataPlane(connectionsAt(site.local(), service), wired.attachment(), site.now())
                    .withState(org.diminet.core.domain.ServiceState.ACTIVE, site.now());
            site.store().update(active);
            return active;
        } catch (RuntimeException e) {
            unwire(site, wired);
            throw e;
        }
    }

    /**
     * A site's part: stores the new service (claiming its network) and activates it; if activation
     * fails the row goes again. Returns the active service.
     */
    public static InterSiteService storeAndActivate(SiteContext site, InterSiteService service) {
        site.store().insert(service);
        try {
            return activate(site, service);
        } catch (RuntimeException e) {
            site.store().delete(service.id());
            throw e;
        }
    }

    public static void unwire(SiteContext site, InterSiteService service) {
        service.attachment().ifPresent(a -> site.phases().timed(service.id(), "data-plane-detach",
                () -> site.dataPlane().detach(a)));
    }
}
