package org.diminet.server.web.neutron;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.error.InvalidRequestException;
import org.diminet.server.config.SiteProperties;
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
 * <p>Limits, compared with a real Neutron:
 * <ul>
 *   <li>no authentication: no Keystone token is needed or checked, and everything belongs to the site's
 *       fixed project ({@code diminet.project});</li>
 *   <li>one fixed IP per port: {@code fixed_ips} holds at most one entry, and a port's addresses,
 *       device owner and device id cannot be updated;</li>
 *   <li>no DHCP ports, agents, routers, security groups or quotas: {@code enable_dhcp} is always true but
 *       no port is created for it, and ports stay {@code DOWN};</li>
 *   <li>only {@code name} (and a subnet's {@code allocation_pools}) can be updated; a subnet's gateway is
 *       fixed at creation; an explicitly empty {@code allocation_pools} on create means the default
 *       pools;</li>
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
    private final String project;

    public NeutronController(EmbeddedVim vim, SiteProperties site) {
        this.vim = vim;
        this.project = site.project();
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
    @Operation(summary = "List networks; filters such as ?name=… and fields=… as in Neutron")
    public Map<String, Object> listNetworks(@RequestParam MultiValueMap<String, String> query) {
        return Map.of("networks", NeutronQuery.list(vim.networks().list().stream().map(this::network).toList(), query));
    }

    @GetMapping("/v2.0/networks/{id}")
    @Operation(summary = "Show a network (404 NetworkNotFound)")
    public Map<String, Object> showNetwork(@PathVariable String id, @RequestParam MultiValueMap<String, String> query) {
        return Map.of("network", NeutronQuery.show(network(vim.networks().get(id)), query));
    }

    @PostMapping("/v2.0/networks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a network: {\"network\":{\"name\":…}}")
    public Map<String, Object> createNetwork(@RequestBody(required = false) byte[] body) {
        NeutronRequests.NetworkCreate request = NeutronRequests.networkCreate(body);
        return Map.of("network", NeutronQuery.toMap(network(vim.networks().create(request.name()))));
    }

    @PutMapping("/v2.0/networks/{id}")
    @Operation(summary = "Rename a network: {\"network\":{\"name\":…}}")
    public Map<String, Object> updateNetwork(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        NeutronRequests.NetworkUpdate request = NeutronRequests.networkUpdate(body);
        return Map.of("network", NeutronQuery.toMap(network(vim.networks().update(id, request.name()))));
    }

    @DeleteMapping("/v2.0/networks/{id}")
    @Operation(summary = "Delete a network with its subnets (409 NetworkInUse while user ports remain)")
    public ResponseEntity<Void> deleteNetwork(@PathVariable String id) {
        vim.networks().delete(id);
        return ResponseEntity.noContent().build();
    }

    // --- subnets -------------------------------------------------------------------------------

    @GetMapping("/v2.0/subnets")
    @Operation(summary = "List subnets; filters such as ?network_id=… and fields=… as in Neutron")
    public Map<String, Object> listSubnets(@RequestParam MultiValueMap<String, String> query) {
        List<SubnetView> subnets = vim.subnets().list(single(query, "network_id"));
        return Map.of("subnets", NeutronQuery.list(subnets.stream().map(this::subnet).toList(), query));
    }

    @GetMapping("/v2.0/subnets/{id}")
    @Operation(summary = "Show a subnet (404 SubnetNotFound)")
    public Map<String, Object> showSubnet(@PathVariable String id, @RequestParam MultiValueMap<String, String> query) {
        return Map.of("subnet", NeutronQuery.show(subnet(vim.subnets().get(id)), query));
    }

    @PostMapping("/v2.0/subnets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a subnet: {\"subnet\":{\"network_id\",\"cidr\",\"ip_version\",\"gateway_ip\",\"allocation_pools\",\"name\"}}",
            description = "gateway_ip absent: the first host address; null: no gateway. allocation_pools absent: the"
                    + " whole CIDR minus the gateway.")
    public Map<String, Object> createSubnet(@RequestBody(required = false) byte[] body) {
        NeutronRequests.SubnetCreate request = NeutronRequests.subnetCreate(body);
        request.ipVersion().ifPresent(version -> checkIpVersion(request.cidr(), version));
        SubnetView created = vim.subnets().create(request.networkId(), request.name(), request.cidr(), request.gateway(),
                request.allocationPools());
        return Map.of("subnet", NeutronQuery.toMap(subnet(created)));
    }

    @PutMapping("/v2.0/subnets/{id}")
    @Operation(summary = "Rename a subnet and/or replace its allocation_pools")
    public Map<String, Object> updateSubnet(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        NeutronRequests.SubnetUpdate request = NeutronRequests.subnetUpdate(body);
        return Map.of("subnet", NeutronQuery.toMap(subnet(vim.subnets().update(id, request.name(), request.allocationPools()))));
    }

    @DeleteMapping("/v2.0/subnets/{id}")
    @Operation(summary = "Delete a subnet (409 SubnetInUse while a user port has an address on it)")
    public ResponseEntity<Void> deleteSubnet(@PathVariable String id) {
        vim.subnets().delete(id);
        return ResponseEntity.noContent().build();
    }

    // --- ports ---------------------------------------------------------------------------------

    @GetMapping("/v2.0/ports")
    @Operation(summary = "List ports; filters such as ?network_id=…, ?device_owner=…, ?fixed_ips=ip_address=… as in Neutron")
    public Map<String, Object> listPorts(@RequestParam MultiValueMap<String, String> query) {
        List<PortView> ports = vim.ports().list(single(query, "network_id"));
        return Map.of("ports", NeutronQuery.list(ports.stream().map(this::port).toList(), query));
    }

    @GetMapping("/v2.0/ports/{id}")
    @Operation(summary = "Show a port (404 PortNotFound)")
    public Map<String, Object> showPort(@PathVariable String id, @RequestParam MultiValueMap<String, String> query) {
        return Map.of("port", NeutronQuery.show(port(vim.ports().get(id)), query));
    }

    @PostMapping("/v2.0/ports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a port: {\"port\":{\"network_id\",\"name\",\"device_owner\",\"device_id\",\"fixed_ips\":[{\"subnet_id\",\"ip_address\"}]}}",
            description = "Without fixed_ips the port takes the lowest free pool address (409 IpAddressGenerationFailure"
                    + " when none is left).")
    public Map<String, Object> createPort(@RequestBody(required = false) byte[] body) {
        NeutronRequests.PortCreate request = NeutronRequests.portCreate(body);
        PortView created = vim.ports().create(request.networkId(), request.name(), request.deviceOwner(),
                request.deviceId(), request.fixedIp());
        return Map.of("port", NeutronQuery.toMap(port(created)));
    }

    @PutMapping("/v2.0/ports/{id}")
    @Operation(summary = "Rename a port")
    public Map<String, Object> updatePort(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        NeutronRequests.PortUpdate request = NeutronRequests.portUpdate(body);
        return Map.of("port", NeutronQuery.toMap(port(vim.ports().update(id, request.name()))));
    }

    @DeleteMapping("/v2.0/ports/{id}")
    @Operation(summary = "Delete a port and free its address")
    public ResponseEntity<Void> deletePort(@PathVariable String id) {
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

    private NeutronViews.Network network(NetworkView view) {
        return NeutronViews.Network.of(view, project);
    }

    private NeutronViews.Subnet subnet(SubnetView view) {
        return NeutronViews.Subnet.of(view, project);
    }

    private NeutronViews.Port port(PortView view) {
        return NeutronViews.Port.of(view, project);
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
