package org.diminet.server.web.eastwest;

import org.diminet.server.wire.PoolRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.diminet.server.settings.SiteProperties;
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
@Tag(name = "East-West")
public class EastWestController {
    // Errors are problem details (added with the authentication's 401, 403 and 503, and 406, 415, 500, by the
    // OpenAPI set-up). A master asks again after a lost answer: every change here can be repeated without harm.
    private static final String BAD_ID = "`global_id` is not a UUID (`invalid-request`, `field`: `global_id`).";
    private static final String NOT_FOUND = "This site has no part of that service (`service-not-found`).";
    private static final String NOT_THE_MASTER = "The calling peer is not the service's master, the only site that may"
            + " change its parts (`peer-not-master`).";
    private static final String VIM_FAILED = "This site's VIM failed; `region` names this site.";
    private static final String ID_EXAMPLE = "7f1c2a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b";
    private final EastWestHandler handler;
    private final SiteProperties site;

    public EastWestController(EastWestHandler handler, SiteProperties site) {
        this.handler = handler;
        this.site = site;
    }

    @PostMapping
    @Operation(operationId = "createPart", summary = "Check and create this site's part of a service",
            description = "Master to site: one call both checks and builds this site's part (L3: claims and connects the"
                    + " named local network; L2: checks the CIDR is free here, creates network `diminet-<global id>`"
                    + " with the pools given, connects it), so a create costs the master one round trip per site, in"
                    + " parallel. Asked again, it answers the part that is there (and finishes one a crash left"
                    + " half made).")
    @ApiResponse(responseCode = "201", description = "The part, made (or as it already was)",
            headers = @Header(name = "Location", description = "The part's URL", schema = @Schema(type = "string",
                    example = "/api/intersite-horizontal/" + ID_EXAMPLE)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PartReply.class)))
    @ApiResponse(responseCode = "400", description = "The request is not valid; `field` names what: malformed JSON"
            + " (`malformed-body`), a missing `operation`, `id`, `name`, `type`, `master` or `resources`, no resource"
            + " at this site, this site named as master, an L2 request without `l2` or with pools or a gateway outside"
            + " its CIDR, an L3 resource here without a network (`invalid-request`).")
    @ApiResponse(responseCode = "403", description = "The calling peer is not the master the request names, or an"
            + " existing part of the service has another master (`peer-not-master`).")
    @ApiResponse(responseCode = "404", description = "L3: the named network does not exist here or is not the"
            + " service's project's (`network-not-found`).")
    @ApiResponse(responseCode = "409", description = "The part cannot be made here: the master already gave this"
            + " attempt up (`operation-abandoned`), the network is already in a service of this type"
            + " (`network-in-use`), L2: a local subnet overlaps the CIDR (`cidr-in-use`), or the data plane refuses"
            + " (e.g. `vni-in-use` with the linux driver).")
    @ApiResponse(responseCode = "502", description = VIM_FAILED)
    public ResponseEntity<PartReply> create(@RequestAttribute(RequestIdentity.PEER) Region peer, @RequestBody CreatePartRequest request) {
        return ResponseEntity.created(java.net.URI.create("/api/intersite-horizontal/" + request.id()))
                .body(handler.createPart(peer, request));
    }

    @GetMapping("/{global_id}")
    @Operation(operationId = "readPart", summary = "Read this site's part of a service",
            description = "Its network, CIDRs, pools and the number of users' machines on it. Any site of the service"
                    + " (or its master) may ask.")
    @ApiResponse(responseCode = "200", description = "The part",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PartReply.class)))
    @ApiResponse(responseCode = "400", description = BAD_ID)
    @ApiResponse(responseCode = "403", description = "The calling peer is not a site of the service (`peer-not-member`).")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "502", description = VIM_FAILED)
    public PartReply read(@RequestAttribute(RequestIdentity.PEER) Region peer,
                          @Parameter(description = "The service's global id", example = ID_EXAMPLE)
                          @PathVariable("global_id") String globalId) {
        return handler.readPart(peer, GlobalId.parse(globalId));
    }

    @PutMapping("/{global_id}")
    @Operation(operationId = "updatePart", summary = "Apply a change the master decided",
            description = "Sets the service's resource list (not a difference: repeating it changes nothing) and, for"
                    + " L2, adds the extra pools granted to this site; the data plane follows.")
    @ApiResponse(responseCode = "200", description = "The part after the change",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PartReply.class)))
    @ApiResponse(responseCode = "400", description = "`global_id` is not a UUID, or the body is not valid: malformed"
            + " JSON (`malformed-body`), no `resources`, a null pool (`invalid-request`); `field` names what.")
    @ApiResponse(responseCode = "403", description = NOT_THE_MASTER)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The data plane here refuses the change (e.g. `vni-in-use` with"
            + " the linux driver).")
    @ApiResponse(responseCode = "502", description = VIM_FAILED)
    public PartReply update(@RequestAttribute(RequestIdentity.PEER) Region peer,
                            @Parameter(description = "The service's global id", example = ID_EXAMPLE)
                            @PathVariable("global_id") String globalId, @RequestBody UpdatePartRequest request) {
        return handler.updatePart(peer, GlobalId.parse(globalId), request);
    }

    @DeleteMapping("/{global_id}")
    @Operation(operationId = "deletePart", summary = "Remove this site's part of a service",
            description = "Removes the part (L2: with the network DIMINET created here) and its data plane. Deleting"
                    + " what is not there succeeds. With `abandoned_operation` it undoes a revoked create, even one"
                    + " with machines on it, and refuses that create should it arrive later.")
    @ApiResponse(responseCode = "204", description = "Removed, or there was nothing to remove")
    @ApiResponse(responseCode = "400", description = "`global_id` or `abandoned_operation` is not a UUID"
            + " (`invalid-request`; `field` names it).")
    @ApiResponse(responseCode = "403", description = NOT_THE_MASTER)
    @ApiResponse(responseCode = "409", description = "This site is the service's master (`is-master`: delete it through"
            + " the North API), or L2: users' machines remain on the network DIMINET created here"
            + " (`ports-attached`).")
    @ApiResponse(responseCode = "502", description = VIM_FAILED)
    public ResponseEntity<Void> delete(@RequestAttribute(RequestIdentity.PEER) Region peer,
                                       @Parameter(description = "The service's global id", example = ID_EXAMPLE)
                                       @PathVariable("global_id") String globalId,
                                       @Parameter(description = "The revoked create's `operation` id: undo what it made"
                                               + " here, and refuse it if it arrives later",
                                               example = "0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f")
                                       @RequestParam(name = "abandoned_operation", required = false) String operation) {
        handler.deletePart(peer, GlobalId.parse(globalId), Optional.ofNullable(operation).map(EastWestController::uuid));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{global_id}/pools")
    @Operation(operationId = "allocatePool", summary = "Master: hand a site one more pool of an L2 extension",
            description = "Takes a pool from the ledger for the calling site, recorded under the request's key in the"
                    + " same transaction: the same key asked again gets the same pool, and the ledger is charged once.")
    @ApiResponse(responseCode = "200", description = "The pool granted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IpRange.class)))
    @ApiResponse(responseCode = "400", description = "`global_id` is not a UUID, `region` or `request` is missing, the"
            + " service is not an L2 extension, or that region is not a site of it (`invalid-request`; `field`"
            + " names what).")
    @ApiResponse(responseCode = "403", description = "The calling peer asks for a pool for another region"
            + " (`peer-not-requester`).")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "This site is not the service's master (`not-master`), the"
            + " service is neither ACTIVE nor UPDATING (`service-busy`), or no address is left (`pool-exhausted`).")
    public IpRange allocatePool(@RequestAttribute(RequestIdentity.PEER) Region peer,
                                @Parameter(description = "The service's global id", example = ID_EXAMPLE)
                                @PathVariable("global_id") String globalId, @RequestBody PoolRequest request) {
        if (request == null || request.region() == null || request.region().isBlank()) {
            throw new InvalidRequestException("region", "region is required: the site that wants another pool");
        }
        return handler.allocatePool(peer, GlobalId.parse(globalId), new Region(request.region()), request.request());
    }

    @GetMapping("/{global_id}/sites/{region}")
    @Operation(operationId = "getStanding", summary = "Master: is a region a site of the service, with which pools?",
            description = "A site asks this about itself when it starts, or when its master answers again after a"
                    + " partition, and drops a part the master no longer has.")
    @ApiResponse(responseCode = "200", description = "The site's standing",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Standing.class)))
    @ApiResponse(responseCode = "400", description = "`global_id` is not a UUID, or `region` is not a region name"
            + " (`invalid-request`; `field` names it).")
    @ApiResponse(responseCode = "403", description = "The calling peer asks about another region (`peer-not-subject`).")
    @ApiResponse(responseCode = "404", description = "The master does not know the service (`service-not-found`).")
    @ApiResponse(responseCode = "409", description = "This site is not the service's master (`not-master`).")
    public Standing standing(@RequestAttribute(RequestIdentity.PEER) Region peer,
                             @Parameter(description = "The service's global id", example = ID_EXAMPLE)
                             @PathVariable("global_id") String globalId,
                             @Parameter(description = "The region asked about: the calling site's", example = "RegionTwo")
                             @PathVariable("region") String region) {
        return handler.standing(peer, GlobalId.parse(globalId), new Region(region));
    }

    @GetMapping("/networks/{network_id}/cidrs")
    @Operation(operationId = "getNetworkCidrs", summary = "The CIDRs of a local network's subnets")
    @ApiResponse(responseCode = "200", description = "The network's CIDRs",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NetworkCidrs.class)))
    @ApiResponse(responseCode = "400", description = "`network_id` is not a UUID (`invalid-request`, `field`: `network`).")
    @ApiResponse(responseCode = "404", description = "No such network here (`network-not-found`).")
    @ApiResponse(responseCode = "502", description = VIM_FAILED)
    public NetworkCidrs cidrs(@Parameter(description = "The network's id at this site", example = "3b8360e6-e29a-4063-a8bc-7bbd0785d08b")
                              @PathVariable("network_id") String networkId) {
        NetworkId network = new NetworkId(networkId);
        return new NetworkCidrs(site.region(), network.value(), handler.cidrsOf(network));
    }

    @GetMapping("/cidr-availability")
    @Operation(operationId = "getCidrAvailability", summary = "Could an L2 extension of a CIDR land here?",
            description = "Yes when no subnet of this site overlaps it.")
    @ApiResponse(responseCode = "200", description = "Whether the CIDR is free here, and what overlaps it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CidrAvailability.class)))
    @ApiResponse(responseCode = "400", description = "`cidr` is missing (`http-400`) or not a CIDR (`invalid-request`,"
            + " `field`: `cidr`).")
    @ApiResponse(responseCode = "502", description = VIM_FAILED)
    public CidrAvailability cidrAvailability(@Parameter(description = "The CIDR an L2 extension would bring",
                                                     example = "192.168.101.0/24")
                                             @RequestParam String cidr) {
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
