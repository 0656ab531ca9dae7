package org.diminet.server.web.north;

import org.diminet.server.wire.OperationRecordView;
import org.diminet.server.wire.ServiceView;

import org.diminet.server.wire.ResourceChangeRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.diminet.core.domain.error.InvalidRequestException;
import java.util.Optional;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.service.ServiceStatus;
import org.diminet.core.service.InterSiteServiceManager;
import org.diminet.core.domain.Caller;
import org.diminet.server.auth.RequestIdentity;
import org.springframework.http.MediaType;
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
@Tag(name = "North")
public class NorthController {
    // Errors are problem details (added with the filters' own 401, 406, 415, 429 and 500 by the OpenAPI set-up).
    private static final String BAD_ID = "`global_id` is not a UUID (`invalid-request`, `field`: `global_id`).";
    private static final String NOT_FOUND = "No such service at this site, or it is another project's"
            + " (`service-not-found`).";
    private static final String SITE_FAILED_502 = "A site's VIM failed, or a site answered what is not a valid"
            + " answer; `region` names the site.";
    private static final String SITE_FAILED_503 = "A site could not be reached until the deadline"
            + " (`diminet.operations.deadline`, 20 s) (`peer-unreachable`); `region` names it. Nothing is left anywhere.";
    private static final String SITE_FAILED_504 = "A site did not answer in time (`peer-timeout`); `region` names it."
            + " Nothing is left anywhere.";
    private static final String CONFLICTS = "`cidr-overlap` (L3: two sites' CIDRs overlap; both networks named),"
            + " `network-in-use` (a network is already in a service of this type), `cidr-in-use` (L2: the CIDR is"
            + " taken by a subnet at a site it would be extended to), `cidr-too-small` (L2: fewer free addresses than"
            + " sites), `network-without-subnet` or `unsupported-subnets` (L2: the network needs exactly one subnet),"
            + " `address-taken`, and with the linux data plane `vni-in-use`, `network-routed`,"
            + " `l3-network-without-gateway`, `l3-routers-exhausted`";
    private final InterSiteServiceManager services;

    private final ObjectMapper mapper;

    public NorthController(InterSiteServiceManager services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(operationId = "listServices", summary = "List the services",
            description = "This site's view of every service of the token's project (an admin's: of all projects)"
                    + " that has a site here, each with its open operations, oldest first. Without `limit`, all of them;"
                    + " with `limit`, one page, and while more may follow a `Link: <…>; rel=\"next\"` header with"
                    + " the next page's URL (the OpenStack way: `limit` and `marker`, the last global id of a page).")
    @ApiResponse(responseCode = "200", description = "The services, possibly none",
            headers = @Header(name = "Link", description = "With `limit`, when the page is full: the next page,"
                    + " `rel=\"next\"`", schema = @Schema(type = "string",
                    example = "</api/intersite-vertical?limit=100&marker=7f1c2a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b>; rel=\"next\"")),
            content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = ServiceView.class))))
    @ApiResponse(responseCode = "400", description = "`limit` is not between 1 and 1000, or `marker` is not a"
            + " service of the caller's at this site (`invalid-request`, `field` names which).")
    public ResponseEntity<List<ServiceView>> list(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
            @io.swagger.v3.oas.annotations.Parameter(description = "At most this many services (1 to 1000)", example = "100")
            @org.springframework.web.bind.annotation.RequestParam(name = "limit", required = false) Integer limit,
            @io.swagger.v3.oas.annotations.Parameter(description = "Start after this service: the last global id of"
                    + " the previous page", example = "7f1c2a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b")
            @org.springframework.web.bind.annotation.RequestParam(name = "marker", required = false) String marker,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) HttpServletResponse response) throws IOException {
        if (limit == null && marker == null) {
            writeAll(caller, response);
            return null; // answered: the list is written as the store is read
        }
        int size = limit == null ? InterSiteServiceManager.MAX_PAGE : limit;
        List<ServiceView> page = services.list(caller, Optional.ofNullable(marker).map(NorthController::markerId), size)
                .stream().map(ServiceView::of).toList();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (page.size() == size) {
            answer.header("Link", "</api/intersite-vertical?limit=" + size + "&marker="
                    + page.getLast().globalId() + ">; rel=\"next\"");
        }
        return answer.body(page);
    }

    /**
     * The whole list, written one service at a time while the store is read a page at a time: ten thousand
     * services cost a page of rows and the output buffer in memory, not the 12 MB answer and its objects.
     * A failure after the first bytes cannot become an error answer any more; it cuts the answer short, and
     * the client sees JSON that does not parse.
     */
    private void writeAll(Caller caller, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        // One flush at the end, not one per service (the writer's default).
        ObjectWriter writer = mapper.writerFor(ServiceView.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator json = mapper.getFactory().createGenerator(response.getOutputStream())) {
            json.writeStartArray();
            services.forEach(caller, status -> {
                try {
                    writer.writeValue(json, ServiceView.of(status));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            json.writeEndArray();
        }
    }

    private static GlobalId markerId(String marker) {
        try {
            return GlobalId.parse(marker);
        } catch (RuntimeException e) { // the parser names its own field; here the field is the marker
            throw new InvalidRequestException("marker", "marker must be a global id (a UUID), not '" + marker + "'");
        }
    }

    @PostMapping
    @Operation(operationId = "createService", summary = "Create a service; this site becomes its master",
            description = "L3 routing connects the named existing networks of several sites (their CIDRs must not"
                    + " overlap); L2 extension extends the one named network of this site to the other regions listed"
                    + " without a network, which get a network with the same CIDR and their own allocation pools. The"
                    + " master asks every other site in one parallel round, retries a site that does not answer until"
                    + " the deadline, and revokes the create if any site refuses or stays silent: on any error nothing"
                    + " is left at any site.")
    @ApiResponse(responseCode = "201", description = "Created, at every site",
            headers = @Header(name = "Location", description = "The service's URL", schema = @Schema(type = "string",
                    example = "/api/intersite-vertical/7f1c2a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ServiceView.class)))
    @ApiResponse(responseCode = "400", description = "The request is not valid; `field` names what: malformed JSON"
            + " (`malformed-body`); a missing or too long name, a missing or unknown `type`, fewer than two"
            + " resources or both `resources` and `subresources`, a region named twice or not a known site, no"
            + " resource at this site (which becomes the master), an L3 resource without a network, an L2 request"
            + " without this site's network or naming a network at another site (`invalid-request`).")
    @ApiResponse(responseCode = "403", description = "`project_id` names another project and the token has no `admin`"
            + " role (`project-not-yours`).")
    @ApiResponse(responseCode = "404", description = "A named network does not exist at its site, or is another"
            + " project's and not shared (`network-not-found`); `region` names the site.")
    @ApiResponse(responseCode = "409", description = "The service cannot be made as asked: " + CONFLICTS + ".")
    @ApiResponse(responseCode = "502", description = SITE_FAILED_502)
    @ApiResponse(responseCode = "503", description = SITE_FAILED_503)
    @ApiResponse(responseCode = "504", description = SITE_FAILED_504)
    public ResponseEntity<ServiceView> create(@RequestAttribute(RequestIdentity.CALLER) Caller caller, @RequestBody CreateServiceRequest body) {
        ServiceStatus created = services.create(body.toDomain(caller));
        return ResponseEntity.created(URI.create("/api/intersite-vertical/" + created.service().id()))
                .body(ServiceView.of(created));
    }

    @GetMapping("/{global_id}")
    @Operation(operationId = "getService", summary = "Show a service",
            description = "This site's view of one service, with its open operations.")
    @ApiResponse(responseCode = "200", description = "The service",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ServiceView.class)))
    @ApiResponse(responseCode = "400", description = BAD_ID)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    public ServiceView get(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                           @Parameter(description = "The service's global id", example = "7f1c2a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b")
                           @PathVariable("global_id") String globalId) {
        return ServiceView.of(services.get(caller, GlobalId.parse(globalId)));
    }

    @GetMapping("/{global_id}/operations")
    @Operation(operationId = "listServiceOperations", summary = "Show how a service's changes went",
            description = "The service's operations as this site recorded them, oldest first: the open ones and those"
                    + " finished within the last day, each with every step (site, action, wave, outcome, attempts, and how"
                    + " long its last attempt took) and, once finished, its time from start to finish. At the master"
                    + " this is every site's step of every change; at another site, what that site drove itself.")
    @ApiResponse(responseCode = "200", description = "The operations, possibly none",
            content = @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(implementation = OperationRecordView.class))))
    @ApiResponse(responseCode = "400", description = BAD_ID)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    public List<OperationRecordView> operations(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
            @Parameter(description = "The service's global id", example = "7f1c2a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b")
            @PathVariable("global_id") String globalId) {
        return services.operations(caller, GlobalId.parse(globalId)).stream().map(OperationRecordView::of).toList();
    }

    @PutMapping("/{global_id}")
    @Operation(operationId = "updateService", summary = "Change a service's sites",
            description = "Makes the service's sites match `resources`, the full desired list: sites join (as in a"
                    + " create: all or nothing) and leave (a site that cannot be reached leaves at once, its removal"
                    + " waiting in the master's outbox, the service DEGRADED meanwhile). Sent to another site than the"
                    + " master, the request is handed on to the master with the caller's token.")
    @ApiResponse(responseCode = "200", description = "The service after the change (or unchanged when the list is the"
            + " same)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ServiceView.class)))
    @ApiResponse(responseCode = "400", description = "`global_id` is not a UUID, or the resource list is not valid"
            + " (`malformed-body`, `invalid-request`; `field` names what), as for a create.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND + " Or a named network does not exist at its site"
            + " (`network-not-found`).")
    @ApiResponse(responseCode = "409", description = "Another change of the service is running (`service-busy`), a"
            + " site to add has not yet removed its earlier part (`site-cleanup-pending`), a site to remove still has"
            + " machines on the network (`ports-attached`), or a joining site conflicts as in a create: " + CONFLICTS + ".")
    @ApiResponse(responseCode = "502", description = SITE_FAILED_502)
    @ApiResponse(responseCode = "503", description = "A joining site, or the master the request was handed on to,"
            + " could not be reached (`peer-unreachable`); `region` names it. The service is as before.")
    @ApiResponse(responseCode = "504", description = "A joining site, or the master, did not answer in time"
            + " (`peer-timeout`); `region` names it. The service is as before.")
    public ServiceView update(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                              @Parameter(description = "The service's global id", example = "7f1c2a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b")
                              @PathVariable("global_id") String globalId, @RequestBody ResourceChangeRequest body) {
        return ServiceView.of(services.update(caller, GlobalId.parse(globalId), body.toDomain()));
    }

    @DeleteMapping("/{global_id}")
    @Operation(operationId = "deleteService", summary = "Delete a service at every site",
            description = "Sent to another site than the master, the request is handed on to the master. A site that"
                    + " cannot be reached is not waited for: its removal stays in the master's outbox and is sent when"
                    + " it answers.")
    @ApiResponse(responseCode = "202", description = "Deleted where it could be; the service is DELETING until the"
            + " sites named in `pending_operations` have removed their parts",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ServiceView.class)))
    @ApiResponse(responseCode = "204", description = "Gone from every site")
    @ApiResponse(responseCode = "400", description = BAD_ID)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "Machines remain on the extended network at a site"
            + " (`ports-attached`, naming the site), or another change of the service is running (`service-busy`).")
    @ApiResponse(responseCode = "502", description = "The master (when this site is not the master) answered what is"
            + " not a valid answer; `region` names it.")
    @ApiResponse(responseCode = "503", description = "The master (when this site is not the master) could not be"
            + " reached (`peer-unreachable`); `region` names it.")
    @ApiResponse(responseCode = "504", description = "The master (when this site is not the master) did not answer in"
            + " time (`peer-timeout`); `region` names it.")
    public ResponseEntity<ServiceView> delete(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                              @Parameter(description = "The service's global id", example = "7f1c2a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b")
                                              @PathVariable("global_id") String globalId) {
        return services.delete(caller, GlobalId.parse(globalId))
                .map(pending -> ResponseEntity.accepted().body(ServiceView.of(pending)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{global_id}/pools")
    @Operation(operationId = "requestPool", summary = "L2: get one more allocation pool for this site",
            description = "Takes one more pool for this site's part of an L2 extension from the master's ledger (asking"
                    + " the master when this site is not the master) and adds it to the local subnet. The grant is"
                    + " recorded at the master under this request's key, so asking again after a lost answer gets the"
                    + " same pool.")
    @ApiResponse(responseCode = "200", description = "The service with the pool added (`params.local_pools`)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ServiceView.class)))
    @ApiResponse(responseCode = "400", description = "`global_id` is not a UUID, or the service is an L3 routing, which"
            + " has no pools (`invalid-request`, `field`: `global_id`).")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The ledger has no free address left (`pool-exhausted`), or the"
            + " service is not ACTIVE (`service-busy`).")
    @ApiResponse(responseCode = "502", description = "This site's VIM failed adding the pool; `region` names the site.")
    @ApiResponse(responseCode = "503", description = "The master could not be reached or did not grant a pool yet"
            + " (`peer-unreachable`; `region` names it): the request stays queued and the pool is added when the"
            + " master answers; the pools this site has keep working.")
    public ServiceView morePool(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                @Parameter(description = "The service's global id", example = "7f1c2a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b")
                                @PathVariable("global_id") String globalId) {
        return ServiceView.of(services.requestPool(caller, GlobalId.parse(globalId)));
    }
}
