package org.diminet.server.web.eastwest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.UUID;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.server.auth.RequestIdentity;
import org.diminet.core.domain.error.InvalidRequestException;
import org.diminet.core.peer.CreatePartRequest;
import org.diminet.core.peer.PartReply;
import org.diminet.core.peer.Standing;
import org.diminet.core.peer.UpdatePartRequest;
import org.diminet.core.service.EastWestHandler;
import org.diminet.server.config.SiteProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The peers' API (paper Table II, East-West interface). Only other DIMINET sites call it: the
 * authentication filter has established which region calls (its token or certificate) before a
 * request gets here, and the handler checks that region against what it asks for.
 */
@RestController
@RequestMapping("/api/intersite-horizontal")
@Tag(name = "East-West", description = "Calls between DIMINET sites")
public class EastWestController {
    private final EastWestHandler handler;
    private final SiteProperties site;

    public EastWestController(EastWestHandler handler, SiteProperties site) {
        this.handler = handler;
        this.site = site;
    }

    @PostMapping
    @Operation(summary = "Check and create this site's part of a service the master decided",
            description = "One call does both, so a create costs the master one round trip per site, in parallel.")
    public ResponseEntity<PartReply> create(@RequestAttribute(RequestIdentity.PEER) Region peer, @RequestBody CreatePartRequest request) {
        return ResponseEntity.created(java.net.URI.create("/api/intersite-horizontal/" + request.id()))
                .body(handler.createPart(peer, request));
    }

    @GetMapping("/{global_id}")
    @Operation(summary = "Read this site's part (network, CIDRs, pools, machines attached)")
    public PartReply read(@RequestAttribute(RequestIdentity.PEER) Region peer, @PathVariable("global_id") String globalId) {
        return handler.readPart(peer, GlobalId.parse(globalId));
    }

    @PutMapping("/{global_id}")
    @Operation(summary = "Apply a change the master decided (new resource list, extra pools)")
    public PartReply update(@RequestAttribute(RequestIdentity.PEER) Region peer, @PathVariable("global_id") String globalId, @RequestBody UpdatePartRequest request) {
        return handler.updatePart(peer, GlobalId.parse(globalId), request);
    }

    @DeleteMapping("/{global_id}")
    @Operation(summary = "Remove this site's part",
            description = "With abandoned_operation this undoes a failed create and refuses that create if it arrives later.")
    public ResponseEntity<Void> delete(@RequestAttribute(RequestIdentity.PEER) Region peer, @PathVariable("global_id") String globalId,
                                       @RequestParam(name = "abandoned_operation", required = false) String operation) {
        handler.deletePart(peer, GlobalId.parse(globalId), Optional.ofNullable(operation).map(EastWestController::uuid));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{global_id}/pools")
    @Operation(summary = "Master: hand one more pool of an L2 extension to a site")
    public IpRange allocatePool(@RequestAttribute(RequestIdentity.PEER) Region peer, @PathVariable("global_id") String globalId, @RequestBody PoolRequest request) {
        if (request == null || request.region() == null || request.region().isBlank()) {
            throw new InvalidRequestException("region", "region is required: the site that wants another pool");
        }
        return handler.allocatePool(peer, GlobalId.parse(globalId), new Region(request.region()), request.request());
    }

    @GetMapping("/{global_id}/sites/{region}")
    @Operation(summary = "Master: is this region a site of the service, and with which pools?",
            description = "A site asks this when it starts or when its master answers again after a partition.")
    public Standing standing(@RequestAttribute(RequestIdentity.PEER) Region peer, @PathVariable("global_id") String globalId, @PathVariable("region") String region) {
        return handler.standing(peer, GlobalId.parse(globalId), new Region(region));
    }

    @GetMapping("/networks/{network_id}/cidrs")
    @Operation(summary = "The CIDRs of a local network's subnets")
    public NetworkCidrs cidrs(@PathVariable("network_id") String networkId) {
        NetworkId network = new NetworkId(networkId);
        return new NetworkCidrs(site.region(), network.value(), handler.cidrsOf(network));
    }

    @GetMapping("/cidr-availability")
    @Operation(summary = "Could an L2 extension of this CIDR land here? (no local subnet overlaps it)")
    public CidrAvailability cidrAvailability(@RequestParam String cidr) {
        Cidr parsed = new Cidr(cidr);
        var clashing = handler.subnetsOverlapping(parsed);
        return new CidrAvailability(site.region(), parsed.value(), clashing.isEmpty(),
                clashing.stream().map(s -> s.id() + " (" + s.cidr() + ") of network " + s.networkId()).toList());
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("abandoned_operation", "'" + text + "' is not a UUID");
        }
    }
}
