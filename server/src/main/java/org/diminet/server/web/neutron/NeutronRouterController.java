package org.diminet.server.web.neutron;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.diminet.core.domain.Caller;
import org.diminet.server.auth.RequestIdentity;
import org.diminet.vim.embedded.EmbeddedVim;
import org.diminet.vim.embedded.NetworkView;
import org.diminet.vim.embedded.PortView;
import org.diminet.vim.embedded.RouterInterface;
import org.diminet.vim.embedded.RouterView;
import org.diminet.vim.embedded.SubnetView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * This site's routers as Neutron's {@code router} and {@code ext-gw-mode} extensions serve them under
 * {@code /neutron/v2.0/routers}: create, list, show, update and delete, a gateway on a {@code router:external}
 * network, and {@code add_router_interface} / {@code remove_router_interface} by subnet or port, with Neutron's
 * checks, errors and default policy ({@link NeutronRouterPolicy}). A router forwards nothing: it is the
 * bookkeeping a Neutron client sees (interface ports holding the subnets' gateway addresses, a gateway port).
 *
 * <p>Static {@code routes} ({@code extraroute}) are set with an update, replacing the list (no
 * {@code extraroute-atomic} add/remove calls).
 *
 * <p>Limits, compared with a real Neutron: no {@code extraroute-atomic}, DVR, HA, availability zones or flavors; a gateway takes at most one address; a port added as an interface by a non-admin is not checked
 * for addresses outside the pools of a subnet of another project.
 */
@RestController
@ConditionalOnProperty(name = "diminet.vim.kind", havingValue = "embedded", matchIfMissing = true)
@RequestMapping("/neutron/v2.0/routers")
@Tag(name = "Neutron")
public class NeutronRouterController {
    private static final String NOT_FOUND = "No such router, or another project's (`RouterNotFound`).";
    private static final String BAD_BODY = "The body is missing, not JSON, not wrapped in `router`, names an attribute"
            + " this site does not implement, or has one of the wrong type (`HTTPBadRequest`).";
    private static final String GATEWAY_400 = " Or the gateway's network is not external, its address is the subnet's"
            + " gateway, or its subnets overlap the router's (`BadRequest`).";
    private static final String GATEWAY_403 = "`enable_snat` or `external_fixed_ips` set, or `project_id` naming another"
            + " project, by someone who is no admin (`PolicyNotAuthorized`).";
    private static final String INTERFACE_400 = "Neither or (to add) both of `subnet_id` and `port_id`, a subnet without"
            + " gateway or of another project, a port without address or with two IPv4 subnets, a subnet the router is"
            + " already on or that overlaps one of its subnets (`BadRequest`).";

    private final EmbeddedVim vim;
    private final NeutronExternalNetworks externalNetworks;

    public NeutronRouterController(EmbeddedVim vim) {
        this.vim = vim;
        this.externalNetworks = new NeutronExternalNetworks(vim);
    }

    @GetMapping
    @Operation(operationId = "listRouters", summary = "List routers",
            description = "The project's routers; an admin's: all. Any parameter filters by that attribute (repeat it"
                    + " for \"any of\"); `fields` keeps only some attributes; `sort_key`/`sort_dir`, `limit`/`marker`"
                    + " page as in Neutron, with `routers_links`.")
    @Parameter(in = ParameterIn.QUERY, name = "fields", description = "Attributes to keep in the answer", example = "id,name",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "name", description = "Only routers of this name", example = "edge",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The routers",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronRouterSchemas.RouterList.class)))
    @ApiResponse(responseCode = "400", description = "A filter names an attribute routers do not have (`HTTPBadRequest`).")
    public Map<String, Object> list(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                    @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        NeutronRouterPolicy policy = new NeutronRouterPolicy(caller);
        List<NeutronRouterViews.Router> visible = vim.routers().list().stream().filter(policy::sees)
                .map(NeutronRouterViews.Router::of).toList();
        return NeutronQuery.page("router", visible, query,
                ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "showRouter", summary = "Show a router")
    @Parameter(in = ParameterIn.QUERY, name = "fields", description = "Attributes to keep in the answer", example = "id,name",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The router",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronRouterSchemas.RouterBody.class)))
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    public Map<String, Object> show(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                    @Parameter(description = "The router's id", example = NeutronRouterViews.ROUTER_ID)
                                    @PathVariable String id,
                                    @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        RouterView router = new NeutronRouterPolicy(caller).visible(vim.routers().get(id));
        return Map.of("router", NeutronQuery.show(NeutronRouterViews.Router.of(router), query));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createRouter", summary = "Create a router",
            description = "In the token's project; an admin may name another with `project_id`. With"
                    + " `external_gateway_info`, its gateway port is created on that external network.")
    @ApiResponse(responseCode = "201", description = "The router",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronRouterSchemas.RouterBody.class)))
    @ApiResponse(responseCode = "400", description = BAD_BODY + GATEWAY_400)
    @ApiResponse(responseCode = "403", description = GATEWAY_403)
    @ApiResponse(responseCode = "404", description = "The gateway's network does not exist or is not seen (`NetworkNotFound`).")
    @ApiResponse(responseCode = "409", description = "The gateway address asked for is taken (`IpAddressAlreadyAllocated`)"
            + " or none is free (`IpAddressGenerationFailure`).")
    public Map<String, Object> create(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                              content = @Content(schema = @Schema(implementation = NeutronRouterSchemas.RouterCreateBody.class)))
                                      @RequestBody(required = false) byte[] body) {
        NeutronRouterRequests.RouterCreate request = NeutronRouterRequests.routerCreate(body);
        NeutronRouterPolicy policy = new NeutronRouterPolicy(caller);
        String project = policy.core().ownerOfNew(request.project());
        policy.mayUseGateway(request.gateway(), "create_router");
        request.gateway().ifPresent(g -> checkGatewayNetwork(policy, g.networkId()));
        RouterView created = vim.routers().create(request.name(), project, request.adminStateUp(), request.description(),
                request.gateway());
        return Map.of("router", NeutronQuery.toMap(NeutronRouterViews.Router.of(created)));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateRouter", summary = "Update a router: name, state, description, gateway")
    @ApiResponse(responseCode = "200", description = "The router",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronRouterSchemas.RouterBody.class)))
    @ApiResponse(responseCode = "400", description = BAD_BODY + " Or it changes a read-only attribute." + GATEWAY_400
            + " Or a route's next hop is not in a subnet the router is on, or is its own address (`InvalidRoutes`), or"
            + " there are more than 30 routes (`RoutesExhausted`).")
    @ApiResponse(responseCode = "403", description = GATEWAY_403)
    @ApiResponse(responseCode = "404", description = NOT_FOUND + " Or the gateway's network is not found"
            + " (`NetworkNotFound`).")
    @ApiResponse(responseCode = "409", description = "The gateway address asked for is taken (`IpAddressAlreadyAllocated`).")
    public Map<String, Object> update(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                      @Parameter(description = "The router's id", example = NeutronRouterViews.ROUTER_ID)
                                      @PathVariable String id,
                                      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                              content = @Content(schema = @Schema(implementation = NeutronRouterSchemas.RouterUpdateBody.class)))
                                      @RequestBody(required = false) byte[] body) {
        NeutronRouterPolicy policy = new NeutronRouterPolicy(caller);
        policy.visible(vim.routers().get(id));
        NeutronRouterRequests.RouterUpdate request = NeutronRouterRequests.routerUpdate(body);
        request.gateway().ifPresent(g -> {
            policy.mayUseGateway(g, "update_router");
            g.ifPresent(gateway -> checkGatewayNetwork(policy, gateway.networkId()));
        });
        RouterView updated = vim.routers().update(id, request.name(), request.adminStateUp(), request.description(),
                request.gateway(), request.routes());
        return Map.of("router", NeutronQuery.toMap(NeutronRouterViews.Router.of(updated)));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteRouter", summary = "Delete a router and its gateway port")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "It still has interfaces (`RouterInUse`).")
    public ResponseEntity<Void> delete(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                       @Parameter(description = "The router's id", example = NeutronRouterViews.ROUTER_ID)
                                       @PathVariable String id) {
        new NeutronRouterPolicy(caller).visible(vim.routers().get(id));
        vim.routers().delete(id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/add_router_interface")
    @Operation(operationId = "addRouterInterface", summary = "Add an interface to a router",
            description = "By `subnet_id`: a new port (device owner `network:router_interface`) takes the subnet's"
                    + " gateway address (for a second IPv6 subnet of one network, the existing IPv6 interface takes it)."
                    + " By `port_id`: that port, with its addresses, becomes the interface.")
    @ApiResponse(responseCode = "200", description = "The interface",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronRouterViews.Interface.class)))
    @ApiResponse(responseCode = "400", description = INTERFACE_400)
    @ApiResponse(responseCode = "404", description = NOT_FOUND + " Or the subnet or port is not found (`SubnetNotFound`,"
            + " `PortNotFound`).")
    @ApiResponse(responseCode = "409", description = "The port has a device already (`PortInUse`), or a port holds the"
            + " subnet's gateway address (`IpAddressAlreadyAllocated`).")
    public Map<String, Object> addInterface(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                            @Parameter(description = "The router's id", example = NeutronRouterViews.ROUTER_ID)
                                            @PathVariable String id,
                                            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                                    content = @Content(schema = @Schema(implementation = NeutronRouterSchemas.InterfaceRequest.class)))
                                            @RequestBody(required = false) byte[] body) {
        NeutronRouterPolicy policy = new NeutronRouterPolicy(caller);
        policy.visible(vim.routers().get(id));
        NeutronRouterRequests.InterfaceRequest request = NeutronRouterRequests.interfaceRequest(body, false);
        RouterInterface added;
        if (request.portId().isPresent()) {
            PortView port = vim.ports().get(request.portId().get());
            policy.core().visible(port, networkOf(port.networkId()));
            added = vim.routers().addPortInterface(id, port.id());
        } else {
            SubnetView subnet = vim.subnets().get(request.subnetId().get());
            policy.mayAddInterfaceOn(subnet, networkOf(subnet.networkId()));
            added = vim.routers().addSubnetInterface(id, subnet.id());
        }
        return NeutronQuery.toMap(NeutronRouterViews.Interface.of(added));
    }

    @PutMapping("/{id}/remove_router_interface")
    @Operation(operationId = "removeRouterInterface", summary = "Remove an interface from a router",
            description = "By `port_id` (with `subnet_id`, it must be one of the port's) or by `subnet_id`. The port"
                    + " is deleted, or, when it has addresses on other subnets, loses the subnet's address.")
    @ApiResponse(responseCode = "200", description = "The interface removed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronRouterViews.Interface.class)))
    @ApiResponse(responseCode = "400", description = "Neither `subnet_id` nor `port_id` (`BadRequest`), or the subnet is"
            + " not the port's (`SubnetMismatchForPort`).")
    @ApiResponse(responseCode = "409", description = "A route goes through the interface (`RouterInterfaceInUseByRoute`).")
    @ApiResponse(responseCode = "404", description = NOT_FOUND + " Or the router has no such interface"
            + " (`RouterInterfaceNotFound`, `RouterInterfaceNotFoundForSubnet`), or the subnet is not found"
            + " (`SubnetNotFound`).")
    public Map<String, Object> removeInterface(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                               @Parameter(description = "The router's id", example = NeutronRouterViews.ROUTER_ID)
                                               @PathVariable String id,
                                               @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                                       content = @Content(schema = @Schema(implementation = NeutronRouterSchemas.InterfaceRequest.class)))
                                               @RequestBody(required = false) byte[] body) {
        NeutronRouterPolicy policy = new NeutronRouterPolicy(caller);
        policy.visible(vim.routers().get(id));
        NeutronRouterRequests.InterfaceRequest request = NeutronRouterRequests.interfaceRequest(body, true);
        if (request.portId().isEmpty()) {
            SubnetView subnet = vim.subnets().get(request.subnetId().get());
            policy.core().visible(subnet, networkOf(subnet.networkId()));
        }
        RouterInterface removed = vim.routers().removeInterface(id, request.portId(), request.subnetId());
        return NeutronQuery.toMap(NeutronRouterViews.Interface.of(removed));
    }

    // ---------------------------------------------------------------------------------------------

    /** The gateway's network must exist and be seen; whether it is external is the VIM's check (Neutron's 400). */
    private void checkGatewayNetwork(NeutronRouterPolicy policy, String networkId) {
        NetworkView network = vim.networks().get(networkId);
        externalNetworks.visible(policy.core(), network);
    }

    private Optional<NetworkView> networkOf(String networkId) {
        return vim.networks().find(networkId);
    }
}
