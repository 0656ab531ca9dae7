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
import org.diminet.core.domain.ServiceState;

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

    /**
     * Attaches or re-targets the local network and returns the service with its new connections (not
     * stored). Safe to repeat: an existing attachment is updated, not made twice.
     */
    public static InterSiteService wire(SiteContext site, InterSiteService service) {
        return wire(site, service, true);
    }

    /**
     * As {@link #wire(SiteContext, InterSiteService)}.
     *
     * @param mayHaveLeftovers false only when nothing can have been attached for the service before: its
     *                         row was stored by this very request (a row is stored before its data plane is
     *                         touched and removed only after it was detached), and no earlier attempt ran.
     *                         The VIM is then spared a search (a BGPVPN listing at a Neutron site) on every
     *                         new part and every new service's master
     */
    public static InterSiteService wire(SiteContext site, InterSiteService service, boolean mayHaveLeftovers) {
        List<Connection> connections = connectionsAt(site.local(), service);
        Set<RouteTarget> imports = connections.stream().map(Connection::remoteExport).collect(Collectors.toSet());
        NetworkId localNetwork = service.resourceAt(site.local()).flatMap(r -> r.network()).orElseThrow(
                () -> new IllegalStateException("service " + service.id() + " has no local network at " + site.local()));
        DataPlaneAttachment attachment = site.phases().timed(service.id(), service.type(), "data-plane", () ->
                service.attachment()
                        .map(existing -> site.dataPlane().updateImports(existing, imports))
                        .orElseGet(() -> {
                            if (mayHaveLeftovers) {
                                // No record: whatever is there was left by a crash before the record was written.
                                site.dataPlane().detachUnrecorded(service.id());
                            }
                            return site.dataPlane().attach(service.id(), service.type(), localNetwork,
                                    RouteTarget.exportedBy(service.id(), site.local()), imports);
                        }));
        return service.withDataPlane(connections, Optional.of(attachment), site.now());
    }

    /**
     * A site's part, stored CREATING: connects it and stores it ACTIVE. If the wiring fails the part
     * stays CREATING, and the master's retry (or its undo) finishes or removes it.
     */
    public static InterSiteService activatePart(SiteContext site, InterSiteService part, boolean storedJustNow) {
        InterSiteService active = wire(site, part, !storedJustNow).withState(ServiceState.ACTIVE, site.now());
        site.store().update(active);
        return active;
    }

    /** Removes the local connection; without a recorded one, whatever a crash may have left unrecorded. */
    public static void unwire(SiteContext site, InterSiteService service) {
        site.phases().timed(service.id(), service.type(), "data-plane-detach", () -> service.attachment().ifPresentOrElse(
                a -> site.dataPlane().detach(a), () -> site.dataPlane().detachUnrecorded(service.id())));
    }
}
