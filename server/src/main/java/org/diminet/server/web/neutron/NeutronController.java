package org.diminet.server.web.neutron;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
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
import org.diminet.vim.embedded.NetworkView;
import org.diminet.vim.embedded.PortView;
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
 * the API version.
 *
 * <p>Callers are authenticated before this controller runs (the authentication filter leaves the
 * {@link Caller} under {@link RequestIdentity#CALLER}), and Neutron's default policy applies (see
 * {@link NeutronPolicy}): a project sees its own resources and shared networks, an admin everything.
 *
 * <p>Limits, compared with a real Neutron:
 * <ul>
 *   <li>naming another project than the token's in {@code project_id} without being admin is 403
 *       {@code PolicyNotAuthorized} (Neutron answers 400);</li>
 *   <li>one fixed IP per port: {@code fixed_ips} holds at most one entry, and a port's addresses,
 *       device owner and device id cannot be updated;</li>
 *   <li>no DHCP ports, agents, routers, security groups or quotas: {@code enable_dhcp} is always true but
 *       no port is created for it, and ports stay {@code DOWN};</li>
 *   <li>only {@code name} (and a subnet's {@code allocation_pools}, a network's {@code shared}) can be
 *       updated; a subnet's gateway is fixed at creation; an explicitly empty {@code allocation_pools} on
 *       create means the default pools;</li>
 *   <li>no pagination or sorting, and {@code revision_number} is always 1.</li>
 * </ul>
 */
@RestController
@ConditionalOnProperty(name = "diminet.vim.kind", havingValue = "embedded", matchIfMissing = true)
@RequestMapping("/neutron")
@Tag(name = "Neutron", description = "The site's simulated OpenStack Neutron v2.0 (embedded VIM): networks, subnets, ports")
public class NeutronController {
    private static final Pattern KNOWN_PATH = Pattern.compile("/neutron/v2\\.0/(networks|subnets|ports)(/[^/]+)?");

    private final EmbeddedVim vim;

    public NeutronController(EmbeddedVim vim) {
        this.vim = vim;
    }

    // --- versions ------------------------------------------------------------------------------

    @GetMapping({"", "/"})
    @Operation(summary = "Neutron's API versions (no token needed, as in Neutron)")
    public Map<String, Object> versions() {
        String href = ServletUriComponentsBuilder.fromCurrentContextPath().path("/neutron/v2.0/").toUriString();
        return Map.of("versions", List.of(Map.of("id", "v2.0", "status", "CURRENT",
                "links", List.of(Map.of("href", href, "rel", "self")))));
    }

    @GetMapping({"/v2.0", "/v2.0/"})
    @Operation(summary = "The resources of Neutron v2.0 this site serves")
    public Map<String, Object> resources() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/neutron/v2.0/").toUriString();
        return Map.of("resources", List.of("network", "subnet", "port").stream()
                .map(name -> Map.of("name", name, "collection", name + "s",
                        "links", List.of(Map.of("href", base + name + "s", "rel", "self"))))
                .toList());
    }

    // --- networks ------------------------------------------------------------------------------

    @GetMapping("/v2.0/networks")
    @Operation(summary = "List networks (the project's and shared ones; all for an admin); filters such as ?name=…"
            + " and fields=… as in Neutron")
    public Map<String, Object> listNetworks(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                            @RequestParam MultiValueMap<String, String> query) {
        NeutronPolicy policy = new NeutronPolicy(caller);
        List<NeutronViews.Network> visible = vim.networks().list().stream().filter(policy::sees)
                .map(NeutronViews.Network::of).toList();
        return Map.of("networks", NeutronQuery.list(visible, query));
    }

    @GetMapping("/v2.0/networks/{id}")
    @Operation(summary = "Show a network (404 NetworkNotFound, also for another project's unshared one)")
    public Map<String, Object> showNetwork(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                           @PathVariable String id, @RequestParam MultiValueMap<String, String> query) {
        NetworkView network = new NeutronPolicy(caller).visible(vim.networks().get(id));
        return Map.of("network", NeutronQuery.show(NeutronViews.Network.of(network), query));
    }

    @PostMapping("/v2.0/networks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a network: {\"network\":{\"name\":…}}",
            description = "In the token's project; an admin may name another with project_id and set shared: true"
                    + " (403 PolicyNotAuthorized for anyone else).")
    public Map<String, Object> createNetwork(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                             @RequestBody(required = false) byte[] body) {
        NeutronRequests.NetworkCreate request = NeutronRequests.networkCreate(body);
        NeutronPolicy policy = new NeutronPolicy(caller);
        String project = policy.ownerOfNew(request.project());
        policy.mayCreateNetwork(request.shared());
        NetworkView created = vim.networks().create(request.name(), project, request.shared());
        return Map.of("network", NeutronQuery.toMap(NeutronViews.Network.of(created)));
    }

    @PutMapping("/v2.0/networks/{id}")
    @Operation(summary = "Rename a network: {\"network\":{\"name\":…}}; an admin may also change shared")
    public Map<String, Object> updateNetwork(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                             @PathVariable String id, @RequestBody(required = false) byte[] body) {
        NeutronRequests.NetworkUpdate request = NeutronRequests.networkUpdate(body);
        NeutronPolicy policy = new NeutronPolicy(caller);
        policy.mayChange(vim.networks().get(id), "update_network");
        if (request.shared().isPresent()) {
            policy.mayShare();
        }
        NetworkView updated = vim.networks().update(id, request.name(), request.shared());
        return Map.of("network", NeutronQuery.toMap(NeutronViews.Network.of(updated)));
    }

    @DeleteMapping("/v2.0/networks/{id}")
    @Operation(summary = "Delete a network with its subnets (409 NetworkInUse while user ports remain)")
    public ResponseEntity<Void> deleteNetwork(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                              @PathVariable String id) {
        new NeutronPolicy(caller).mayChange(vim.networks().get(id), "delete_network");
        vim.networks().delete(id);
        return ResponseEntity.noContent().build();
    }

    // --- subnets -------------------------------------------------------------------------------

    @GetMapping("/v2.0/subnets")
    @Operation(summary = "List subnets (those of networks the project sees); filters such as ?network_id=… and"
            + " fields=… as in Neutron")
    public Map<String, Object> listSubnets(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                           @RequestParam MultiValueMap<String, String> query) {
        NeutronPolicy policy = new NeutronPolicy(caller);
        Map<String, NetworkView> networks = networksById();
        List<NeutronViews.Subnet> visible = vim.subnets().list(single(query, "network_id")).stream()
                .filter(s -> policy.sees(s, Optional.ofNullable(networks.get(s.networkId()))))
                .map(NeutronViews.Subnet::of).toList();
        return Map.of("subnets", NeutronQuery.list(visible, query));
    }

    @GetMapping("/v2.0/subnets/{id}")
    @Operation(summary = "Show a subnet (404 SubnetNotFound)")
    public Map<String, Object> showSubnet(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                          @PathVariable String id, @RequestParam MultiValueMap<String, String> query) {
        SubnetView subnet = vim.subnets().get(id);
        new NeutronPolicy(caller).visible(subnet, networkOf(subnet.networkId()));
        return Map.of("subnet", NeutronQuery.show(NeutronViews.Subnet.of(subnet), query));
    }

    @PostMapping("/v2.0/subnets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a subnet: {\"subnet\":{\"network_id\",\"cidr\",\"ip_version\",\"gateway_ip\",\"allocation_pools\",\"name\"}}",
            description = "gateway_ip absent: the first host address; null: no gateway. allocation_pools absent: the"
                    + " whole CIDR minus the gateway. Only on the project's own networks (403 on another's shared one).")
    public Map<String, Object> createSubnet(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                            @RequestBody(required = false) byte[] body) {
        NeutronRequests.SubnetCreate request = NeutronRequests.subnetCreate(body);
        request.ipVersion().ifPresent(version -> checkIpVersion(request.cidr(), version));
        NeutronPolicy policy = new NeutronPolicy(caller);
        String project = policy.ownerOfNew(request.project());
        policy.mayCreateSubnetOn(vim.networks().get(request.networkId()));
        SubnetView created = vim.subnets().create(request.networkId(), Optional.of(project), request.name(),
                request.cidr(), request.gateway(), request.allocationPools());
        return Map.of("subnet", NeutronQuery.toMap(NeutronViews.Subnet.of(created)));
    }

    @PutMapping("/v2.0/subnets/{id}")
    @Operation(summary = "Rename a subnet and/or replace its allocation_pools")
    public Map<String, Object> updateSubnet(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                            @PathVariable String id, @RequestBody(required = false) byte[] body) {
        NeutronRequests.SubnetUpdate request = NeutronRequests.subnetUpdate(body);
        SubnetView subnet = vim.subnets().get(id);
        new NeutronPolicy(caller).mayChange(subnet, networkOf(subnet.networkId()), "update_subnet");
        SubnetView updated = vim.subnets().update(id, request.name(), request.allocationPools());
        return Map.of("subnet", NeutronQuery.toMap(NeutronViews.Subnet.of(updated)));
    }

    @DeleteMapping("/v2.0/subnets/{id}")
    @Operation(summary = "Delete a subnet (409 SubnetInUse while a user port has an address on it)")
    public ResponseEntity<Void> deleteSubnet(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                             @PathVariable String id) {
        SubnetView subnet = vim.subnets().get(id);
        new NeutronPolicy(caller).mayChange(subnet, networkOf(subnet.networkId()), "delete_subnet");
        vim.subnets().delete(id);
        return ResponseEntity.noContent().build();
    }

    // --- ports ---------------------------------------------------------------------------------

    @GetMapping("/v2.0/ports")
    @Operation(summary = "List ports (the project's and those on its networks); filters such as ?network_id=…,"
            + " ?device_owner=…, ?fixed_ips=ip_address=… as in Neutron")
    public Map<String, Object> listPorts(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                         @RequestParam MultiValueMap<String, String> query) {
        NeutronPolicy policy = new NeutronPolicy(caller);
        Map<String, NetworkView> networks = networksById();
        List<NeutronViews.Port> visible = vim.ports().list(single(query, "network_id")).stream()
                .filter(p -> policy.sees(p, Optional.ofNullable(networks.get(p.networkId()))))
                .map(NeutronViews.Port::of).toList();
        return Map.of("ports", NeutronQuery.list(visible, query));
    }

    @GetMapping("/v2.0/ports/{id}")
    @Operation(summary = "Show a port (404 PortNotFound)")
    public Map<String, Object> showPort(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                        @PathVariable String id, @RequestParam MultiValueMap<String, String> query) {
        PortView port = vim.ports().get(id);
        new NeutronPolicy(caller).visible(port, networkOf(port.networkId()));
        return Map.of("port", NeutronQuery.show(NeutronViews.Port.of(port), query));
    }

    @PostMapping("/v2.0/ports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a port: {\"port\":{\"network_id\",\"name\",\"device_owner\",\"device_id\",\"fixed_ips\":[{\"subnet_id\",\"ip_address\"}]}}",
            description = "Without fixed_ips the port takes the lowest free pool address (409 IpAddressGenerationFailure"
                    + " when none is left). Also on another project's shared network, then owned by the caller's project.")
    public Map<String, Object> createPort(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                          @RequestBody(required = false) byte[] body) {
        NeutronRequests.PortCreate request = NeutronRequests.portCreate(body);
        NeutronPolicy policy = new NeutronPolicy(caller);
        String project = policy.ownerOfNew(request.project());
        policy.mayCreatePortOn(vim.networks().get(request.networkId()), request.choosesAddress(), request.deviceOwner());
        PortView created = vim.ports().create(request.networkId(), Optional.of(project), request.name(),
                request.deviceOwner(), request.deviceId(), request.fixedIp());
        return Map.of("port", NeutronQuery.toMap(NeutronViews.Port.of(created)));
    }

    @PutMapping("/v2.0/ports/{id}")
    @Operation(summary = "Rename a port")
    public Map<String, Object> updatePort(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                          @PathVariable String id, @RequestBody(required = false) byte[] body) {
        NeutronRequests.PortUpdate request = NeutronRequests.portUpdate(body);
        PortView port = vim.ports().get(id);
        new NeutronPolicy(caller).mayChange(port, networkOf(port.networkId()));
        return Map.of("port", NeutronQuery.toMap(NeutronViews.Port.of(vim.ports().update(id, request.name()))));
    }

    @DeleteMapping("/v2.0/ports/{id}")
    @Operation(summary = "Delete a port and free its address")
    public ResponseEntity<Void> deletePort(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                           @PathVariable String id) {
        PortView port = vim.ports().get(id);
        new NeutronPolicy(caller).mayChange(port, networkOf(port.networkId()));
        vim.ports().delete(id);
        return ResponseEntity.noContent().build();
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
