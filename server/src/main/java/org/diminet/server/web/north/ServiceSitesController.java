package org.diminet.server.web.north;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.diminet.core.domain.Caller;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.PeerException;
import org.diminet.core.peer.PartReply;
import org.diminet.core.peer.Peers;
import org.diminet.core.service.EastWestHandler;
import org.diminet.core.service.Fanout;
import org.diminet.core.service.InterSiteServiceManager;
import org.diminet.core.service.Outcome;
import org.diminet.core.service.ServiceStatus;
import org.diminet.core.vim.Vim;
import org.diminet.core.vim.VimPort;
import org.diminet.server.auth.RequestIdentity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/intersite-vertical/{id}/sites}: each site's part of a service as that site has it now,
 * asked of every site in parallel (East-West, as this site, which is one of the service's sites). The web
 * console draws its map and an L2 extension's address space from it; a user may read it for the services
 * the user may read.
 */
@RestController
@Tag(name = "North")
public class ServiceSitesController {
    /** A site that has not answered by then is shown as not reachable: a page must not hang on it. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    private final InterSiteServiceManager services;
    private final EastWestHandler local;
    private final Peers peers;
    private final Fanout fanout;
    private final Vim vim;

    public ServiceSitesController(InterSiteServiceManager services, EastWestHandler local, Peers peers, Fanout fanout,
                                  Vim vim) {
        this.services = services;
        this.local = local;
        this.peers = peers;
        this.fanout = fanout;
        this.vim = vim;
    }

    @GetMapping("/api/intersite-vertical/{global_id}/sites")
    @Operation(summary = "Each site's part of a service now: network, CIDRs, pools and machines, or why it could not be asked",
            description = "Read-only. L2 pools carry `from` and `to`, their place in the shared CIDR (0..1);"
                    + " `pool_size` and `ports_used` say how full a site is.")
    public SiteParts sites(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                           @PathVariable("global_id") String globalId) {
        ServiceStatus status = services.get(caller, GlobalId.parse(globalId));
        InterSiteService service = status.service();
        Region here = services.localRegion();
        Cidr shared = SiteParts.sharedCidr(status);
        Map<Region, Outcome<PartReply>> answers = fanout.call(service.regions(),
                region -> region.equals(here) ? local.readPart(here, service.id()) : peers.readPart(region, service.id()),
                ANSWER_WITHIN);
        List<SiteParts.SitePart> parts = answers.entrySet().stream().map(entry -> {
            boolean master = service.isMasteredBy(entry.getKey());
            return switch (entry.getValue()) {
                case Outcome.Ok<PartReply> ok -> SiteParts.of(ok.value(), master, shared,
                        entry.getKey().equals(here) ? machinesHere(ok.value(), shared) : null);
                case Outcome.Failed<PartReply> failed -> SiteParts.SitePart.failed(entry.getKey().name(), master,
                        answered(failed.error()), why(failed.error()), SiteParts.grantedTo(status, entry.getKey()), shared);
            };
        }).toList();
        return new SiteParts(service.id().toString(), service.type(), service.master().name(),
                shared == null ? null : shared.value(), parts);
    }

    /**
     * This site's own count, from its VIM: users' ports on the network, for L2 those holding an address of
     * this site's pools (a port made before the extension may hold one outside them).
     */
    private Integer machinesHere(PartReply part, Cidr shared) {
        if (part.network().isEmpty()) {
            return null;
        }
        return (int) vim.portsOf(part.network().get()).stream().filter(VimPort::isUserPort)
                .filter(port -> shared == null || port.fixedIps().stream()
                        .anyMatch(ip -> part.pools().stream().anyMatch(pool -> pool.contains(ip))))
                .count();
    }

    /** A site that refused (its own 4xx or 5xx) was reached; one that did not answer, or not in time, was not. */
    private static boolean answered(RuntimeException error) {
        return error instanceof PeerException peer && peer.kind() == PeerException.Kind.REFUSED
                || error instanceof org.diminet.core.domain.error.DiminetException && !(error instanceof PeerException);
    }

    private static String why(RuntimeException error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
    }
}
