package org.diminet.server.web.neutron;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.diminet.core.domain.Caller;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.error.InvalidRequestException;
import org.diminet.server.auth.RequestIdentity;
import org.diminet.vim.embedded.EmbeddedVim;
import org.diminet.vim.embedded.EmbeddedVimException;
import org.diminet.vim.embedded.NetworkChange;
import org.diminet.vim.embedded.NetworkView;
import org.diminet.vim.embedded.NewPort;
import org.diminet.vim.embedded.NewSubnet;
import org.diminet.vim.embedded.PortChange;
import org.diminet.vim.embedded.PortView;
import org.diminet.vim.embedded.SubnetChange;
import org.diminet.vim.embedded.SubnetView;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * This site's embedded VIM served as OpenStack Neutron v2.0 under {@code /neutron/v2.0}: users, demos and
 * tests create and inspect a simulated site's networks, subnets and ports exactly as they would with a
 * real Neutron (same paths, wrapped bodies such as {@code {"network":{…}}}, field names, status codes
 * and {@code {"NeutronError":{"type","message","detail"}}} errors, see {@link NeutronErrorAdvice}).
 * Filters ({@code ?network_id=…&name=…}) and {@code fields=} work on lists; {@code GET /neutron/} lists
 * the API version. Routers, agents and the extension list have controllers of their own in this package.
 *
 * <p>Callers are authenticated before this controller runs (the authentication filter leaves the
 * {@link Caller} under {@link RequestIdentity#CALLER}), and Neutron's default policy applies (see
 * {@link NeutronPolicy}): a project sees its own resources and shared networks, an admin everything.
 *
 * <p>Bulk creates ({@code {"networks":[…]}}) are all or nothing; lists sort and paginate with
 * {@code <collection>_links} ({@link NeutronQuery}); attributes are checked as Neutron checks them
 * ({@link NeutronAttributes}); {@code GET /v2.0/extensions} lists {@link NeutronExtensions}.
 *
 * <p>Limits, compared with a real Neutron:
 * <ul>
 *   <li>naming another project than the token's in {@code project_id} without being admin is 403
 *       {@code PolicyNotAuthorized} (Neutron answers 400);</li>
 *   <li>the extensions implemented are those {@link NeutronExtensions} lists: routers ({@code router},
 *       {@code ext-gw-mode}, {@code extraroute}, see {@link NeutronRouterController}), {@code external-net}
 *       ({@code router:external}, see {@link NeutronExternalNetworks}) and {@code agent} (an empty list, see
 *       {@link NeutronAgentController}); other extensions' attributes (tags, port security, …) are refused as
 *       unrecognized; no subnet pools ({@code subnetpool_id}, {@code prefixlen});</li>
 *   <li>no DHCP ports, security groups or quotas: {@code enable_dhcp} is kept but no port is created for it,
 *       and ports stay {@code DOWN};</li>
 *   <li>a router forwards nothing; no {@code extraroute-atomic}, DVR, HA, availability zones or flavors, and a
 *       router's gateway takes at most one address;</li>
 *   <li>addresses are the lowest free ones of a pool (Neutron picks at random), and {@code ip_version} may
 *       be left out of a subnet create (Neutron requires it);</li>
 *   <li>the IPv6 modes cannot be updated (as in Neutron), nor can a network's {@code mtu}.</li>
 * </ul>
 */
@RestController
@ConditionalOnProperty(name = "diminet.vim.kind", havingValue = "embedded", matchIfMissing = true)
@RequestMapping("/neutron")
@Tag(name = "Neutron")
public class NeutronController {
    private static final Pattern KNOWN_PATH = Pattern.compile("/neutron/v2\\.0/((networks|subnets|ports|routers|agents"
            + "|extensions)(/[^/]+)?|routers/[^/]+/(add|remove)_router_interface)");

    // The OpenAPI document: errors are Neutron's {"NeutronError": ...} (added with the authentication's 401, 429
    // and 503, and 406, 415, 500, by the OpenAPI set-up); the types named are Neutron's.
    private static final String BAD_FILTER = "A filter names an attribute the resource does not have (`HTTPBadRequest`).";
    private static final String BAD_BODY = "The body is missing, not JSON, not wrapped in the resource's key, or has an"
            + " attribute of the wrong type (`HTTPBadRequest`, `InvalidInput`).";
    private static final String BAD_UPDATE = "As for a create, or it changes a read-only attribute (`HTTPBadRequest`)"
            + " or one the simulator cannot change (`InvalidInput`).";
    private static final String NOT_YOURS = "The caller sees it, but the network is another project's (shared) and"
            + " the caller is no admin (`PolicyNotAuthorized`).";
    private static final String FIELDS = "Attributes to keep in the answer; repeat it or separate names with commas";
    private static final String FILTERS = " Any other parameter filters by that attribute (repeat it for \"any of\"),"
            + " except Neutron's sorting and pagination: `sort_key` and `sort_dir` (pairs), `limit`, `marker`,"
            + " `page_reverse`; with `limit` the answer links the next and previous pages.";

    private final EmbeddedVim vim;
    private final NeutronExternalNetworks externalNetworks;

    public NeutronController(EmbeddedVim vim) {
        this.vim = vim;
        this.externalNetworks = new NeutronExternalNetworks(vim);
    }

    // --- versions ------------------------------------------------------------------------------

    @GetMapping("")
    @Operation(operationId = "listNeutronVersions", summary = "Neutron's API versions",
            description = "Open, as in Neutron: clients read it before they authenticate. `/neutron/` answers the same.")
    @ApiResponse(responseCode = "200", description = "The versions",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.Versions.class)))
    public Map<String, Object> versions() {
        String href = ServletUriComponentsBuilder.fromCurrentContextPath().path("/neutron/v2.0/").toUriString();
        return Map.of("versions", List.of(Map.of("id", "v2.0", "status", "CURRENT",
                "links", List.of(Map.of("href", href, "rel", "self")))));
    }

    /** {@code /neutron/}: the same as {@link #versions()}, left out of the OpenAPI document (one path per answer). */
    @Hidden
    @GetMapping("/")
    public Map<String, Object> versionsWithSlash() {
        return versions();
    }

    @GetMapping("/v2.0")
    @Operation(operationId = "listNeutronResources", summary = "The resources of Neutron v2.0 this site serves",
            description = "`/neutron/v2.0/` answers the same.")
    @ApiResponse(responseCode = "200", description = "networks, subnets and ports",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.Resources.class)))
    public Map<String, Object> resources() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/neutron/v2.0/").toUriString();
        return Map.of("resources", List.of("network", "subnet", "port").stream()
                .map(name -> Map.of("name", name, "collection", name + "s",
                        "links", List.of(Map.of("href", base + name + "s", "rel", "self"))))
                .toList());
    }

    /** {@code /neutron/v2.0/}: the same as {@link #resources()}, left out of the OpenAPI document. */
    @Hidden
    @GetMapping("/v2.0/")
    public Map<String, Object> resourcesWithSlash() {
        return resources();
    }

    // --- networks ------------------------------------------------------------------------------

    @GetMapping("/v2.0/networks")
    @Operation(operationId = "listNetworks", summary = "List networks",
            description = "The project's networks and shared ones; an admin's: all." + FILTERS)
    @Parameter(in = ParameterIn.QUERY, name = "fields", description = FIELDS, example = "id,name",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "name", description = "Only networks of this name", example = "blue",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "shared", description = "Only shared (true) or unshared (false) ones",
            example = "false",
            schema = @Schema(type = "boolean"))
    @Parameter(in = ParameterIn.QUERY, name = "project_id", description = "Only this project's", example = "project-a",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The networks",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.NetworkList.class)))
    @ApiResponse(responseCode = "400", description = BAD_FILTER)
    public Map<String, Object> listNetworks(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        NeutronPolicy policy = new NeutronPolicy(caller);
        java.util.Set<String> external = externalNetworks.ids();
        List<NeutronViews.Network> visible = vim.networks().list().stream()
                .filter(n -> NeutronExternalNetworks.sees(policy, n, external))
                .map(n -> NeutronViews.Network.of(n, external.contains(n.id()))).toList();
        return NeutronQuery.page("network", visible, query, requestUrl());
    }

    @GetMapping("/v2.0/networks/{id}")
    @Operation(operationId = "showNetwork", summary = "Show a network")
    @Parameter(in = ParameterIn.QUERY, name = "fields", description = FIELDS, example = "id,name",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The network",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.NetworkBody.class)))
    @ApiResponse(responseCode = "404", description = "No such network, or another project's unshared one"
            + " (`NetworkNotFound`).")
    public Map<String, Object> showNetwork(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                           @Parameter(description = "The network's id", example = NeutronSchemas.NETWORK_ID)
                                           @PathVariable String id,
                                           @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        NetworkView network = externalNetworks.visible(new NeutronPolicy(caller), vim.networks().get(id));
        return Map.of("network", NeutronQuery.show(externalNetworks.view(network), query));
    }

    @PostMapping("/v2.0/networks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createNetwork", summary = "Create a network",
            description = "In the token's project; an admin may name another with `project_id` and set `shared`.")
    @ApiResponse(responseCode = "201", description = "The network",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.NetworkBody.class)))
    @ApiResponse(responseCode = "400", description = BAD_BODY)
    @ApiResponse(responseCode = "403", description = "`project_id` names another project, or `shared` is set, and the"
            + " caller is no admin (`PolicyNotAuthorized`).")
    public Map<String, Object> createNetwork(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                             @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                                     content = @Content(schema = @Schema(implementation = NeutronSchemas.NetworkCreateBody.class)))
                                             @RequestBody(required = false) byte[] body) {
        NeutronRequests.Creates creates = NeutronRequests.creates(body, "network");
        NeutronPolicy policy = new NeutronPolicy(caller);
        List<NetworkView> created = vim.atomically(() -> creates.items().stream().map(item -> {
            NeutronRequests.NetworkCreate request = NeutronRequests.networkCreate(item);
            String project = policy.ownerOfNew(request.project());
            policy.mayCreateNetwork(request.request().shared());
            Optional<Boolean> external = NeutronExternalNetworks.requested(item, caller, "create_network");
            NetworkView network = vim.networks().create(request.request().owned(project));
            externalNetworks.apply(network, external);
            return network;
        }).toList());
        return created(creates, "network", created.stream().map(externalNetworks::view).toList());
    }

    @PutMapping("/v2.0/networks/{id}")
    @Operation(operationId = "updateNetwork", summary = "Rename a network, or (admins) share or unshare it")
    @ApiResponse(responseCode = "200", description = "The network",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.NetworkBody.class)))
    @ApiResponse(responseCode = "400", description = BAD_UPDATE)
    @ApiResponse(responseCode = "403", description = NOT_YOURS + " Or `shared` is set by someone who is no admin.")
    @ApiResponse(responseCode = "404", description = "No such network, or another project's unshared one"
            + " (`NetworkNotFound`).")
    @ApiResponse(responseCode = "409", description = "Unsharing a network other projects use (`InvalidSharedSetting`).")
    public Map<String, Object> updateNetwork(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                             @Parameter(description = "The network's id", example = NeutronSchemas.NETWORK_ID)
                                             @PathVariable String id,
                                             @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                                     content = @Content(schema = @Schema(implementation = NeutronSchemas.NetworkUpdateBody.class)))
                                             @RequestBody(required = false) byte[] body) {
        NetworkChange request = NeutronRequests.networkUpdate(body);
        NeutronPolicy policy = new NeutronPolicy(caller);
        policy.mayChange(externalNetworks.visible(policy, vim.networks().get(id)), "update_network");
        if (request.shared().isPresent()) {
            policy.mayShare();
        }
        Optional<Boolean> external = NeutronExternalNetworks.requested(body, caller, "update_network");
        NetworkView updated = vim.atomically(() -> {
            externalNetworks.apply(vim.networks().get(id), external);
            return vim.networks().update(id, request);
        });
        return Map.of("network", NeutronQuery.toMap(externalNetworks.view(updated)));
    }

    @DeleteMapping("/v2.0/networks/{id}")
    @Operation(operationId = "deleteNetwork", summary = "Delete a network with its subnets")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = NOT_YOURS)
    @ApiResponse(responseCode = "404", description = "No such network, or another project's unshared one"
            + " (`NetworkNotFound`).")
    @ApiResponse(responseCode = "409", description = "Users' ports remain on it (`NetworkInUse`).")
    public ResponseEntity<Void> deleteNetwork(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                              @Parameter(description = "The network's id", example = NeutronSchemas.NETWORK_ID)
                                              @PathVariable String id) {
        new NeutronPolicy(caller).mayChange(vim.networks().get(id), "delete_network");
        vim.networks().delete(id);
        return ResponseEntity.noContent().build();
    }

    // --- subnets -------------------------------------------------------------------------------

    @GetMapping("/v2.0/subnets")
    @Operation(operationId = "listSubnets", summary = "List subnets",
            description = "The subnets of the networks the caller sees." + FILTERS)
    @Parameter(in = ParameterIn.QUERY, name = "fields", description = FIELDS, example = "id,cidr",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "network_id", description = "Only this network's",
            example = NeutronSchemas.NETWORK_ID,
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "cidr", description = "Only subnets of this CIDR", example = "192.168.101.0/24",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "ip_version", description = "Only IPv4 (4) or IPv6 (6) ones", example = "4",
            schema = @Schema(type = "integer"))
    @ApiResponse(responseCode = "200", description = "The subnets",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.SubnetList.class)))
    @ApiResponse(responseCode = "400", description = BAD_FILTER)
    public Map<String, Object> listSubnets(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                           @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        NeutronPolicy policy = new NeutronPolicy(caller);
        Map<String, NetworkView> networks = networksById();
        List<NeutronViews.Subnet> visible = vim.subnets().list(single(query, "network_id")).stream()
                .filter(s -> policy.sees(s, Optional.ofNullable(networks.get(s.networkId()))))
                .map(NeutronViews.Subnet::of).toList();
        return NeutronQuery.page("subnet", visible, query, requestUrl());
    }

    @GetMapping("/v2.0/subnets/{id}")
    @Operation(operationId = "showSubnet", summary = "Show a subnet")
    @Parameter(in = ParameterIn.QUERY, name = "fields", description = FIELDS, example = "id,cidr",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The subnet",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.SubnetBody.class)))
    @ApiResponse(responseCode = "404", description = "No such subnet, or one the caller does not see (`SubnetNotFound`).")
    public Map<String, Object> showSubnet(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                          @Parameter(description = "The subnet's id", example = NeutronSchemas.SUBNET_ID)
                                          @PathVariable String id,
                                          @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        SubnetView subnet = vim.subnets().get(id);
        new NeutronPolicy(caller).visible(subnet, networkOf(subnet.networkId()));
        return Map.of("subnet", NeutronQuery.show(NeutronViews.Subnet.of(subnet), query));
    }

    @PostMapping("/v2.0/subnets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createSubnet", summary = "Create a subnet",
            description = "`gateway_ip` absent: the first host address; null: no gateway. `allocation_pools` absent: the"
                    + " whole CIDR minus the gateway. Only on the project's own networks.")
    @ApiResponse(responseCode = "201", description = "The subnet",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.SubnetBody.class)))
    @ApiResponse(responseCode = "400", description = BAD_BODY + " Or the CIDR, gateway or pools are not valid: a CIDR"
            + " that does not parse, does not match `ip_version` or overlaps another subnet of the network, a gateway"
            + " outside it (`InvalidInput`), a pool that is not a range, is outside the CIDR or overlaps another"
            + " (`InvalidAllocationPool`, `OutOfBoundsAllocationPool`, `OverlappingAllocationPools`).")
    @ApiResponse(responseCode = "403", description = "The network is another project's, or `project_id` names another"
            + " project, and the caller is no admin (`PolicyNotAuthorized`).")
    @ApiResponse(responseCode = "404", description = "No such network, or one the caller does not see"
            + " (`NetworkNotFound`).")
    @ApiResponse(responseCode = "409", description = "The gateway is inside a pool (`GatewayConflictWithAllocationPools`).")
    public Map<String, Object> createSubnet(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                                    content = @Content(schema = @Schema(implementation = NeutronSchemas.SubnetCreateBody.class)))
                                            @RequestBody(required = false) byte[] body) {
        NeutronRequests.Creates creates = NeutronRequests.creates(body, "subnet");
        NeutronPolicy policy = new NeutronPolicy(caller);
        List<SubnetView> created = vim.atomically(() -> creates.items().stream().map(item -> {
            NeutronRequests.SubnetCreate request = NeutronRequests.subnetCreate(item);
            NewSubnet subnet = request.request();
            request.ipVersion().ifPresent(version -> checkIpVersion(subnet.cidr(), version));
            String project = policy.ownerOfNew(request.project());
            policy.mayCreateSubnetOn(vim.networks().get(subnet.networkId()));
            return vim.subnets().create(new NewSubnet(subnet.networkId(), Optional.of(project), subnet.name(),
                    subnet.cidr(), subnet.gateway(), subnet.allocationPools(), subnet.enableDhcp(),
                    subnet.dnsNameservers(), subnet.hostRoutes(), subnet.ipv6RaMode(), subnet.ipv6AddressMode(),
                    subnet.description()));
        }).toList());
        return created(creates, "subnet", created.stream().map(NeutronViews.Subnet::of).toList());
    }

    @PutMapping("/v2.0/subnets/{id}")
    @Operation(operationId = "updateSubnet", summary = "Rename a subnet and/or replace its allocation pools")
    @ApiResponse(responseCode = "200", description = "The subnet",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.SubnetBody.class)))
    @ApiResponse(responseCode = "400", description = BAD_UPDATE + " Or a pool is not valid, as for a create.")
    @ApiResponse(responseCode = "403", description = NOT_YOURS)
    @ApiResponse(responseCode = "404", description = "No such subnet, or one the caller does not see (`SubnetNotFound`).")
    @ApiResponse(responseCode = "409", description = "The gateway would be inside a pool"
            + " (`GatewayConflictWithAllocationPools`).")
    public Map<String, Object> updateSubnet(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                            @Parameter(description = "The subnet's id", example = NeutronSchemas.SUBNET_ID)
                                            @PathVariable String id,
                                            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                                    content = @Content(schema = @Schema(implementation = NeutronSchemas.SubnetUpdateBody.class)))
                                            @RequestBody(required = false) byte[] body) {
        SubnetChange request = NeutronRequests.subnetUpdate(body);
        SubnetView subnet = vim.subnets().get(id);
        new NeutronPolicy(caller).mayChange(subnet, networkOf(subnet.networkId()), "update_subnet");
        SubnetView updated = vim.subnets().update(id, request);
        return Map.of("subnet", NeutronQuery.toMap(NeutronViews.Subnet.of(updated)));
    }

    @DeleteMapping("/v2.0/subnets/{id}")
    @Operation(operationId = "deleteSubnet", summary = "Delete a subnet")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = NOT_YOURS)
    @ApiResponse(responseCode = "404", description = "No such subnet, or one the caller does not see (`SubnetNotFound`).")
    @ApiResponse(responseCode = "409", description = "A user's port has an address on it (`SubnetInUse`).")
    public ResponseEntity<Void> deleteSubnet(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                             @Parameter(description = "The subnet's id", example = NeutronSchemas.SUBNET_ID)
                                             @PathVariable String id) {
        SubnetView subnet = vim.subnets().get(id);
        new NeutronPolicy(caller).mayChange(subnet, networkOf(subnet.networkId()), "delete_subnet");
        vim.subnets().delete(id);
        return ResponseEntity.noContent().build();
    }

    // --- ports ---------------------------------------------------------------------------------

    @GetMapping("/v2.0/ports")
    @Operation(operationId = "listPorts", summary = "List ports",
            description = "The project's ports and those on its networks." + FILTERS)
    @Parameter(in = ParameterIn.QUERY, name = "fields", description = FIELDS, example = "id,fixed_ips",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "network_id", description = "Only this network's",
            example = NeutronSchemas.NETWORK_ID,
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "device_owner", description = "Only ports of this owner",
            example = "compute:nova",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "fixed_ips", description = "Only ports with this address"
            + " (`ip_address=…`) or an address from this subnet (`subnet_id=…`)", example = "ip_address=192.168.101.2",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The ports",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.PortList.class)))
    @ApiResponse(responseCode = "400", description = BAD_FILTER)
    public Map<String, Object> listPorts(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                         @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        NeutronPolicy policy = new NeutronPolicy(caller);
        Map<String, NetworkView> networks = networksById();
        List<NeutronViews.Port> visible = vim.ports().list(single(query, "network_id")).stream()
                .filter(p -> policy.sees(p, Optional.ofNullable(networks.get(p.networkId()))))
                .map(NeutronViews.Port::of).toList();
        return NeutronQuery.page("port", visible, query, requestUrl());
    }

    @GetMapping("/v2.0/ports/{id}")
    @Operation(operationId = "showPort", summary = "Show a port")
    @Parameter(in = ParameterIn.QUERY, name = "fields", description = FIELDS, example = "id,fixed_ips",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The port",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.PortBody.class)))
    @ApiResponse(responseCode = "404", description = "No such port, or one the caller does not see (`PortNotFound`).")
    public Map<String, Object> showPort(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                        @Parameter(description = "The port's id", example = "8c4d2e6f-1a3b-4c5d-9e7f-0a2b4c6d8e1f")
                                        @PathVariable String id,
                                        @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        PortView port = vim.ports().get(id);
        new NeutronPolicy(caller).visible(port, networkOf(port.networkId()));
        return Map.of("port", NeutronQuery.show(NeutronViews.Port.of(port), query));
    }

    @PostMapping("/v2.0/ports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createPort", summary = "Create a port",
            description = "Without `fixed_ips` the port takes the lowest free pool address of the network. Also on"
                    + " another project's shared network, then owned by the caller's project.")
    @ApiResponse(responseCode = "201", description = "The port",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.PortBody.class)))
    @ApiResponse(responseCode = "400", description = BAD_BODY + " Or `fixed_ips` holds other than one entry, or an"
            + " address that is not the subnet's or the network's (`InvalidInput`, `InvalidIpForSubnet`,"
            + " `InvalidIpForNetwork`).")
    @ApiResponse(responseCode = "403", description = "`project_id` names another project, a fixed address is asked for"
            + " on another project's shared network, or a `network:*` owner is given, and the caller is no admin"
            + " (`PolicyNotAuthorized`).")
    @ApiResponse(responseCode = "404", description = "No such network, or one the caller does not see"
            + " (`NetworkNotFound`).")
    @ApiResponse(responseCode = "409", description = "The address asked for is taken (`IpAddressAlreadyAllocated`), or"
            + " the pools have no free address left (`IpAddressGenerationFailure`).")
    public Map<String, Object> createPort(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                          @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                                  content = @Content(schema = @Schema(implementation = NeutronSchemas.PortCreateBody.class)))
                                          @RequestBody(required = false) byte[] body) {
        NeutronRequests.Creates creates = NeutronRequests.creates(body, "port");
        NeutronPolicy policy = new NeutronPolicy(caller);
        List<PortView> created = vim.atomically(() -> creates.items().stream().map(item -> {
            NeutronRequests.PortCreate request = NeutronRequests.portCreate(item);
            NewPort port = request.request();
            String project = policy.ownerOfNew(request.project());
            policy.mayCreatePortOn(vim.networks().get(port.networkId()), request.choosesAddress(), port.deviceOwner());
            return vim.ports().create(new NewPort(port.networkId(), Optional.of(project), port.name(),
                    port.deviceOwner(), port.deviceId(), port.fixedIps(), port.macAddress(), port.adminStateUp(),
                    port.description()));
        }).toList());
        return created(creates, "port", created.stream().map(NeutronViews.Port::of).toList());
    }

    @PutMapping("/v2.0/ports/{id}")
    @Operation(operationId = "updatePort", summary = "Rename a port")
    @ApiResponse(responseCode = "200", description = "The port",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.PortBody.class)))
    @ApiResponse(responseCode = "400", description = BAD_UPDATE)
    @ApiResponse(responseCode = "404", description = "No such port, or one the caller does not see (`PortNotFound`).")
    public Map<String, Object> updatePort(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                          @Parameter(description = "The port's id", example = "8c4d2e6f-1a3b-4c5d-9e7f-0a2b4c6d8e1f")
                                          @PathVariable String id,
                                          @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                                  content = @Content(schema = @Schema(implementation = NeutronSchemas.PortUpdateBody.class)))
                                          @RequestBody(required = false) byte[] body) {
        PortChange request = NeutronRequests.portUpdate(body);
        PortView port = vim.ports().get(id);
        NeutronPolicy policy = new NeutronPolicy(caller);
        policy.mayChange(port, networkOf(port.networkId()));
        policy.mayUpdatePort(port, networkOf(port.networkId()), request);
        return Map.of("port", NeutronQuery.toMap(NeutronViews.Port.of(vim.ports().update(id, request))));
    }

    @DeleteMapping("/v2.0/ports/{id}")
    @Operation(operationId = "deletePort", summary = "Delete a port and free its address")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such port, or one the caller does not see (`PortNotFound`).")
    public ResponseEntity<Void> deletePort(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                           @Parameter(description = "The port's id", example = "8c4d2e6f-1a3b-4c5d-9e7f-0a2b4c6d8e1f")
                                           @PathVariable String id) {
        PortView port = vim.ports().get(id);
        new NeutronPolicy(caller).mayChange(port, networkOf(port.networkId()));
        vim.ports().delete(id);
        return ResponseEntity.noContent().build();
    }

    // --- extensions ----------------------------------------------------------------------------

    @GetMapping("/v2.0/extensions")
    @Operation(operationId = "listNeutronExtensions", summary = "The API extensions this site implements",
            description = "Only what really works here; an empty list means the core API alone.")
    @ApiResponse(responseCode = "200", description = "The extensions",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.ExtensionList.class)))
    public Map<String, Object> listExtensions() {
        return Map.of("extensions", NeutronExtensions.all().stream().map(NeutronExtensions.Extension::toMap).toList());
    }

    @GetMapping("/v2.0/extensions/{alias}")
    @Operation(operationId = "showNeutronExtension", summary = "Show an API extension")
    @ApiResponse(responseCode = "200", description = "The extension",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronSchemas.ExtensionBody.class)))
    @ApiResponse(responseCode = "404", description = "No extension of that alias is implemented (`HTTPNotFound`).")
    public Map<String, Object> showExtension(@Parameter(description = "The extension's alias", example = "router")
                                             @PathVariable String alias) {
        return Map.of("extension", NeutronExtensions.find(alias).map(NeutronExtensions.Extension::toMap)
                .orElseThrow(() -> new EmbeddedVimException(404, "HTTPNotFound",
                        "Extension with alias " + alias + " does not exist")));
    }

    // --- anything else under /neutron ----------------------------------------------------------

    /**
     * Any other path under {@code /neutron}: Neutron's 404, or 405 for a known path with another method.
     * Mapped here, not left to Spring's resource handling, so it is answered in Neutron's shape.
     */
    @Hidden
    @RequestMapping("/**")
    public void unknown(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (KNOWN_PATH.matcher(path).matches()) {
            throw new EmbeddedVimException(405, "HTTPMethodNotAllowed",
                    "The method " + request.getMethod() + " is not allowed for this resource.");
        }
        throw new EmbeddedVimException(404, "HTTPNotFound", "The resource could not be found.");
    }

    // ---------------------------------------------------------------------------------------------

    /** One created resource as {@code {"network":{…}}}, or a bulk create's as {@code {"networks":[…]}}. */
    private static Map<String, Object> created(NeutronRequests.Creates creates, String resource, List<?> views) {
        if (creates.bulk()) {
            return Map.of(resource + "s", views.stream().map(NeutronQuery::toMap).toList());
        }
        return Map.of(resource, NeutronQuery.toMap(views.getFirst()));
    }

    /** The URL asked for, without its query: what Neutron's pagination links start with. */
    private static String requestUrl() {
        return ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString();
    }

    /** The networks by id, read once for a whole list: who sees a subnet or port depends on its network. */
    private Map<String, NetworkView> networksById() {
        Map<String, NetworkView> networks = new HashMap<>();
        vim.networks().list().forEach(n -> networks.put(n.id(), n));
        return networks;
    }

    /** A subnet's or port's network; empty when it went away meanwhile. */
    private Optional<NetworkView> networkOf(String networkId) {
        return vim.networks().find(networkId);
    }

    /** Lets the VIM pre-filter by network when exactly one is asked for; {@link NeutronQuery} does the rest. */
    private static Optional<String> single(MultiValueMap<String, String> query, String attribute) {
        List<String> values = query.get(attribute);
        return values != null && values.size() == 1 ? Optional.of(values.getFirst()) : Optional.empty();
    }

    /**
     * Neutron checks ip_version against the CIDR; a CIDR that does not parse is left for the VIM to
     * report with its own message.
     */
    private static void checkIpVersion(String cidr, int version) {
        Cidr parsed;
        try {
            parsed = Cidr.of(cidr);
        } catch (InvalidRequestException e) {
            return;
        }
        if (parsed.ipVersion() != version) {
            throw new EmbeddedVimException(400, "InvalidInput", "Invalid input for operation: cidr '" + cidr
                    + "' does not match the ip_version '" + version + "'.");
        }
    }
}
