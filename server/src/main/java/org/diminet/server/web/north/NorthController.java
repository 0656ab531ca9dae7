package org.diminet.server.web.north;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.service.ServiceStatus;
import org.diminet.core.service.InterSiteServiceManager;
import org.diminet.core.domain.Caller;
import org.diminet.server.auth.RequestIdentity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The users' API (paper Table II, North interface). The authentication filter has checked the caller's
 * token before a request gets here; a caller sees and changes only its project's services (an admin: all).
 */
@RestController
@RequestMapping("/api/intersite-vertical")
@Tag(name = "North", description = "Inter-site services, as users create and manage them")
public class NorthController {
    private final InterSiteServiceManager services;

    public NorthController(InterSiteServiceManager services) {
        this.services = services;
    }

    @GetMapping
    @Operation(summary = "This site's view of all its services")
    public List<ServiceView> list(@RequestAttribute(RequestIdentity.CALLER) Caller caller) {
        return services.list(caller).stream().map(ServiceView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Create a service; this site becomes its master",
            description = "201 with the service; 400 bad input (the problem's `field` names it), 404 unknown network,"
                    + " 403 project_id of another project (admins only), 409 overlapping CIDRs or network already in a service, 502/503/504 a site failed (named)."
                    + " On any error nothing is left at any site.")
    public ResponseEntity<ServiceView> create(@RequestAttribute(RequestIdentity.CALLER) Caller caller, @RequestBody CreateServiceRequest body) {
        ServiceStatus created = services.create(body.toDomain(caller));
        return ResponseEntity.created(URI.create("/api/intersite-vertical/" + created.service().id()))
                .body(ServiceView.of(created));
    }

    @GetMapping("/{global_id}")
    @Operation(summary = "This site's view of one service")
    public ServiceView get(@RequestAttribute(RequestIdentity.CALLER) Caller caller, @PathVariable("global_id") String globalId) {
        return ServiceView.of(services.get(caller, GlobalId.parse(globalId)));
    }

    @PutMapping("/{global_id}")
    @Operation(summary = "Make the service's sites match the given resources (forwarded to the master)")
    public ServiceView update(@RequestAttribute(RequestIdentity.CALLER) Caller caller, @PathVariable("global_id") String globalId, @RequestBody ResourceChangeRequest body) {
        return ServiceView.of(services.update(caller, GlobalId.parse(globalId), body.toDomain()));
    }

    @DeleteMapping("/{global_id}")
    @Operation(summary = "Delete the service at every site (forwarded to the master)",
            description = "204 when it is gone everywhere; 202 with the service, DELETING, when a site could not be"
                    + " reached yet: its part is removed as soon as it answers (pending_operations says which)."
                    + " 409 while machines remain on an extended network.")
    public ResponseEntity<ServiceView> delete(@RequestAttribute(RequestIdentity.CALLER) Caller caller, @PathVariable("global_id") String globalId) {
        return services.delete(caller, GlobalId.parse(globalId))
                .map(pending -> ResponseEntity.accepted().body(ServiceView.of(pending)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{global_id}/pools")
    @Operation(summary = "L2: get one more allocation pool for this site from the master's ledger")
    public ServiceView morePool(@RequestAttribute(RequestIdentity.CALLER) Caller caller, @PathVariable("global_id") String globalId) {
        return ServiceView.of(services.requestPool(caller, GlobalId.parse(globalId)));
    }
}
