package org.diminet.server.web.neutron;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The Neutron API's bodies as its OpenAPI document shows them. The controller reads requests as JSON trees
 * ({@link NeutronRequests}) and answers maps ({@link NeutronQuery}), so these records exist for the document
 * only: each says what the simulator reads, and the response wrappers hold the {@link NeutronViews}.
 */
final class NeutronSchemas {
    private NeutronSchemas() {
    }

    static final String NETWORK_ID = "3b8360e6-e29a-4063-a8bc-7bbd0785d08b";
    static final String SUBNET_ID = "5e2a7c1d-0b3f-4a9e-8d6c-4f1b2a3c5d7e";
    static final String PROJECT = "Another project's id: admins only; the token's project by default";

    // --- requests ------------------------------------------------------------------------------

    @Schema(name = "NeutronNetworkCreate", description = "A new network (`{\"networks\": [...]}` creates several, all or"
            + " none). Attributes of no implemented extension are refused (`Unrecognized attribute(s)`).")
    record NetworkCreate(
            @Schema(description = "Administratively up (default true)", example = "true")
            @JsonProperty("admin_state_up") Boolean adminStateUp,
            @Schema(description = "Free text (default empty)", example = "the blue tenant network")
            @JsonProperty("description") String description,
            @Schema(description = "The network's name (default empty)", example = "blue")
            @JsonProperty("name") String name,
            @Schema(description = "Shared with every project: admins only (default false)", example = "false")
            @JsonProperty("shared") Boolean shared,
            @Schema(description = PROJECT, example = "project-a")
            @JsonProperty("project_id") String projectId,
            @Schema(description = "The older name of `project_id`; both must agree", example = "project-a")
            @JsonProperty("tenant_id") String tenantId) {
    }

    @Schema(name = "NeutronNetworkCreateRequest", description = "`POST /neutron/v2.0/networks`")
    record NetworkCreateBody(@Schema(description = "The network", requiredMode = Schema.RequiredMode.REQUIRED)
                             @JsonProperty("network") NetworkCreate network) {
    }

    @Schema(name = "NeutronNetworkUpdate", description = "What to change; read-only attributes (`id`, `project_id`,"
            + " `status`, `subnets`, …) are refused")
    record NetworkUpdate(
            @Schema(description = "The new name", example = "blue-2")
            @JsonProperty("name") String name,
            @Schema(description = "Share or unshare the network: admins only; unsharing is refused while other"
                    + " projects use it", example = "true")
            @JsonProperty("shared") Boolean shared,
            @Schema(description = "Administratively up or down", example = "false")
            @JsonProperty("admin_state_up") Boolean adminStateUp,
            @Schema(description = "Free text", example = "the blue tenant network")
            @JsonProperty("description") String description) {
    }

    @Schema(name = "NeutronNetworkUpdateRequest", description = "`PUT /neutron/v2.0/networks/{id}`")
    record NetworkUpdateBody(@Schema(description = "The changes", requiredMode = Schema.RequiredMode.REQUIRED)
                             @JsonProperty("network") NetworkUpdate network) {
    }

    @Schema(name = "NeutronSubnetCreate", description = "A new subnet (`{\"subnets\": [...]}` creates several, all or"
            + " none). Attributes of no implemented extension are refused (`Unrecognized attribute(s)`).")
    record SubnetCreate(
            @Schema(description = "Kept and shown; no DHCP is served (default true)", example = "true")
            @JsonProperty("enable_dhcp") Boolean enableDhcp,
            @Schema(description = "Up to 5 DNS servers of the subnet's IP version", example = "[\"192.168.101.53\"]")
            @JsonProperty("dns_nameservers") List<String> dnsNameservers,
            @Schema(description = "Up to 20 routes for the hosts", example = "[{\"destination\": \"10.20.0.0/16\", \"nexthop\": \"192.168.101.254\"}]")
            @JsonProperty("host_routes") List<NeutronViews.Route> hostRoutes,
            @Schema(description = "IPv6 only: `slaac`, `dhcpv6-stateful` or `dhcpv6-stateless`; with `slaac` and"
                    + " `dhcpv6-stateless` ports get EUI-64 addresses (the prefix must be a /64)", example = "slaac")
            @JsonProperty("ipv6_ra_mode") String ipv6RaMode,
            @Schema(description = "IPv6 only: as `ipv6_ra_mode`, and the same value when both are set", example = "slaac")
            @JsonProperty("ipv6_address_mode") String ipv6AddressMode,
            @Schema(description = "Free text (default empty)", example = "blue's IPv4")
            @JsonProperty("description") String description,
            @Schema(description = "The network to add it to", example = NETWORK_ID,
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @JsonProperty("network_id") String networkId,
            @Schema(description = "Its CIDR", example = "192.168.101.0/24", requiredMode = Schema.RequiredMode.REQUIRED)
            @JsonProperty("cidr") String cidr,
            @Schema(description = "4 or 6; must match the CIDR (default: the CIDR's)", example = "4")
            @JsonProperty("ip_version") Integer ipVersion,
            @Schema(description = "The gateway: absent for the CIDR's first host address, null for none",
                    example = "192.168.101.1", types = {"string", "null"})
            @JsonProperty("gateway_ip") String gatewayIp,
            @Schema(description = "The pools to allocate from; absent or empty for the whole CIDR minus the gateway",
                    example = "[{\"start\": \"192.168.101.2\", \"end\": \"192.168.101.254\"}]")
            @JsonProperty("allocation_pools") List<NeutronViews.Pool> allocationPools,
            @Schema(description = "The subnet's name (default empty)", example = "blue-v4")
            @JsonProperty("name") String name,
            @Schema(description = PROJECT, example = "project-a")
            @JsonProperty("project_id") String projectId,
            @Schema(description = "The older name of `project_id`; both must agree", example = "project-a")
            @JsonProperty("tenant_id") String tenantId) {
    }

    @Schema(name = "NeutronSubnetCreateRequest", description = "`POST /neutron/v2.0/subnets`")
    record SubnetCreateBody(@Schema(description = "The subnet", requiredMode = Schema.RequiredMode.REQUIRED)
                            @JsonProperty("subnet") SubnetCreate subnet) {
    }

    @Schema(name = "NeutronSubnetUpdate", description = "What to change; read-only attributes are refused")
    record SubnetUpdate(
            @Schema(description = "The new gateway, or null for none; never inside a pool", example = "192.168.101.254",
                    types = {"string", "null"})
            @JsonProperty("gateway_ip") String gatewayIp,
            @Schema(description = "Kept and shown", example = "false")
            @JsonProperty("enable_dhcp") Boolean enableDhcp,
            @Schema(description = "The new DNS servers", example = "[\"192.168.101.53\"]")
            @JsonProperty("dns_nameservers") List<String> dnsNameservers,
            @Schema(description = "The new host routes", example = "[{\"destination\": \"10.20.0.0/16\", \"nexthop\": \"192.168.101.254\"}]")
            @JsonProperty("host_routes") List<NeutronViews.Route> hostRoutes,
            @Schema(description = "Free text", example = "blue's IPv4")
            @JsonProperty("description") String description,
            @Schema(description = "The new name", example = "blue-v4-2")
            @JsonProperty("name") String name,
            @Schema(description = "The new pools, replacing the old ones (addresses in use must stay inside)",
                    example = "[{\"start\": \"192.168.101.2\", \"end\": \"192.168.101.127\"}]")
            @JsonProperty("allocation_pools") List<NeutronViews.Pool> allocationPools) {
    }

    @Schema(name = "NeutronSubnetUpdateRequest", description = "`PUT /neutron/v2.0/subnets/{id}`")
    record SubnetUpdateBody(@Schema(description = "The changes", requiredMode = Schema.RequiredMode.REQUIRED)
                            @JsonProperty("subnet") SubnetUpdate subnet) {
    }

    @Schema(name = "NeutronFixedIpRequest", description = "The port's address: from a subnet, or a given one")
    record FixedIpRequest(
            @Schema(description = "The subnet to take the address from", example = SUBNET_ID)
            @JsonProperty("subnet_id") String subnetId,
            @Schema(description = "The address wanted (on another project's shared network: admins only)",
                    example = "192.168.101.10")
            @JsonProperty("ip_address") String ipAddress) {
    }

    @Schema(name = "NeutronPortCreate", description = "A new port (`{\"ports\": [...]}` creates several, all or none)."
            + " Attributes of no implemented extension are refused (`Unrecognized attribute(s)`).")
    record PortCreate(
            @Schema(description = "Its MAC (default a random `fa:16:3e:…` one); unique on the network", example = "fa:16:3e:4c:2a:91")
            @JsonProperty("mac_address") String macAddress,
            @Schema(description = "Administratively up (default true)", example = "true")
            @JsonProperty("admin_state_up") Boolean adminStateUp,
            @Schema(description = "Free text (default empty)", example = "vm-1's first interface")
            @JsonProperty("description") String description,
            @Schema(description = "The network to put it on", example = NETWORK_ID,
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @JsonProperty("network_id") String networkId,
            @Schema(description = "The port's name (default empty)", example = "vm-1")
            @JsonProperty("name") String name,
            @Schema(description = "Who uses it, e.g. `compute:nova` for a machine (the linux data plane gives every"
                    + " `compute:*` port a machine); `network:*` owners are for admins", example = "compute:nova")
            @JsonProperty("device_owner") String deviceOwner,
            @Schema(description = "The device's id (default empty)", example = "9d1c3e5a-7b2f-4c6d-8e0a-1b3c5d7e9f2a")
            @JsonProperty("device_id") String deviceId,
            @Schema(description = "The addresses, each from a subnet or a given one; without it the lowest free pool"
                    + " address of the first IPv4 and of the first stateful IPv6 subnet, and an EUI-64 address on"
                    + " every SLAAC subnet",
                    example = "[{\"subnet_id\": \"" + SUBNET_ID + "\"}]")
            @JsonProperty("fixed_ips") List<FixedIpRequest> fixedIps,
            @Schema(description = PROJECT, example = "project-a")
            @JsonProperty("project_id") String projectId,
            @Schema(description = "The older name of `project_id`; both must agree", example = "project-a")
            @JsonProperty("tenant_id") String tenantId) {
    }

    @Schema(name = "NeutronPortCreateRequest", description = "`POST /neutron/v2.0/ports`")
    record PortCreateBody(@Schema(description = "The port", requiredMode = Schema.RequiredMode.REQUIRED)
                          @JsonProperty("port") PortCreate port) {
    }

    @Schema(name = "NeutronPortUpdate", description = "What to change; read-only attributes are refused")
    record PortUpdate(@Schema(description = "The new name", example = "vm-1-eth0")
                      @JsonProperty("name") String name,
                      @Schema(description = "Administratively up or down", example = "false")
                      @JsonProperty("admin_state_up") Boolean adminStateUp,
                      @Schema(description = "Free text", example = "vm-1's first interface")
                      @JsonProperty("description") String description,
                      @Schema(description = "The new device owner", example = "compute:nova")
                      @JsonProperty("device_owner") String deviceOwner,
                      @Schema(description = "The new device id", example = "9d1c3e5a-7b2f-4c6d-8e0a-1b3c5d7e9f2a")
                      @JsonProperty("device_id") String deviceId,
                      @Schema(description = "A new MAC: admins only", example = "fa:16:3e:4c:2a:92")
                      @JsonProperty("mac_address") String macAddress,
                      @Schema(description = "The new addresses: held ones named again are kept, others allocated,"
                              + " the rest released (EUI-64 ones stay)",
                              example = "[{\"subnet_id\": \"" + SUBNET_ID + "\"}, {\"ip_address\": \"192.168.101.20\"}]")
                      @JsonProperty("fixed_ips") List<FixedIpRequest> fixedIps) {
    }

    @Schema(name = "NeutronPortUpdateRequest", description = "`PUT /neutron/v2.0/ports/{id}`")
    record PortUpdateBody(@Schema(description = "The changes", requiredMode = Schema.RequiredMode.REQUIRED)
                          @JsonProperty("port") PortUpdate port) {
    }

    // --- responses -----------------------------------------------------------------------------

    @Schema(name = "NeutronNetworkResponse", description = "One network")
    record NetworkBody(@Schema(description = "The network") @JsonProperty("network") NeutronViews.Network network) {
    }

    @Schema(name = "NeutronNetworkList", description = "Networks")
    record NetworkList(@Schema(description = "The networks the caller sees that pass the filters, in creation order unless sorted",
                               example = "[]")
                       @JsonProperty("networks") List<NeutronViews.Network> networks,
                       @Schema(description = "With `limit`: the `next` and `previous` pages, as Neutron links them",
                               example = "[{\"rel\": \"next\", \"href\": \"http://127.0.0.1:7575/neutron/v2.0/networks?limit=2&marker=3b8360e6-e29a-4063-a8bc-7bbd0785d08b\"}]")
                       @JsonProperty("networks_links") List<Link> links) {
    }

    @Schema(name = "NeutronSubnetResponse", description = "One subnet")
    record SubnetBody(@Schema(description = "The subnet") @JsonProperty("subnet") NeutronViews.Subnet subnet) {
    }

    @Schema(name = "NeutronSubnetList", description = "Subnets")
    record SubnetList(@Schema(description = "The subnets the caller sees that pass the filters, in creation order unless sorted",
                              example = "[]")
                      @JsonProperty("subnets") List<NeutronViews.Subnet> subnets,
                      @Schema(description = "With `limit`: the `next` and `previous` pages, as Neutron links them",
                               example = "[{\"rel\": \"next\", \"href\": \"http://127.0.0.1:7575/neutron/v2.0/networks?limit=2&marker=3b8360e6-e29a-4063-a8bc-7bbd0785d08b\"}]")
                      @JsonProperty("subnets_links") List<Link> links) {
    }

    @Schema(name = "NeutronPortResponse", description = "One port")
    record PortBody(@Schema(description = "The port") @JsonProperty("port") NeutronViews.Port port) {
    }

    @Schema(name = "NeutronPortList", description = "Ports")
    record PortList(@Schema(description = "The ports the caller sees that pass the filters, in creation order unless sorted",
                            example = "[]")
                    @JsonProperty("ports") List<NeutronViews.Port> ports,
                      @Schema(description = "With `limit`: the `next` and `previous` pages, as Neutron links them",
                               example = "[{\"rel\": \"next\", \"href\": \"http://127.0.0.1:7575/neutron/v2.0/networks?limit=2&marker=3b8360e6-e29a-4063-a8bc-7bbd0785d08b\"}]")
                      @JsonProperty("ports_links") List<Link> links) {
    }

    @Schema(name = "NeutronExtension", description = "An API extension")
    record Extension(@Schema(description = "Its alias", example = "router") @JsonProperty("alias") String alias,
                     @Schema(description = "Its name", example = "Neutron L3 Router") @JsonProperty("name") String name,
                     @Schema(description = "What it adds", example = "Router abstraction") @JsonProperty("description") String description,
                     @Schema(description = "Its version date", example = "2012-07-20T10:00:00-00:00") @JsonProperty("updated") String updated,
                     @Schema(description = "Always empty", example = "[]") @JsonProperty("links") List<Link> links) {
    }

    @Schema(name = "NeutronExtensionResponse", description = "One extension")
    record ExtensionBody(@Schema(description = "The extension") @JsonProperty("extension") Extension extension) {
    }

    @Schema(name = "NeutronExtensionList", description = "Extensions")
    record ExtensionList(@Schema(description = "The implemented extensions; empty: the core API alone", example = "[]")
                         @JsonProperty("extensions") List<Extension> extensions) {
    }

    @Schema(name = "NeutronLink", description = "A link")
    record Link(@Schema(description = "Where", example = "http://127.0.0.1:7575/neutron/v2.0/") @JsonProperty("href") String href,
                @Schema(description = "Its relation", example = "self") @JsonProperty("rel") String rel) {
    }

    @Schema(name = "NeutronVersion", description = "An API version")
    record Version(@Schema(description = "The version", example = "v2.0") @JsonProperty("id") String id,
                   @Schema(description = "Its status", example = "CURRENT") @JsonProperty("status") String status,
                   @Schema(description = "Where it is served", example = "[{\"href\": \"http://127.0.0.1:7575/neutron/v2.0/\", \"rel\": \"self\"}]")
                   @JsonProperty("links") List<Link> links) {
    }

    @Schema(name = "NeutronVersions", description = "The API versions served")
    record Versions(@Schema(description = "One: v2.0",
                            example = "[{\"id\": \"v2.0\", \"status\": \"CURRENT\", \"links\": [{\"href\":"
                                    + " \"http://127.0.0.1:7575/neutron/v2.0/\", \"rel\": \"self\"}]}]")
                    @JsonProperty("versions") List<Version> versions) {
    }

    @Schema(name = "NeutronResource", description = "A resource collection")
    record Resource(@Schema(description = "The resource", example = "network") @JsonProperty("name") String name,
                    @Schema(description = "Its collection", example = "networks") @JsonProperty("collection") String collection,
                    @Schema(description = "Where it is served", example = "[{\"href\": \"http://127.0.0.1:7575/neutron/v2.0/networks\", \"rel\": \"self\"}]")
                    @JsonProperty("links") List<Link> links) {
    }

    @Schema(name = "NeutronResources", description = "The resources of v2.0 this site serves")
    record Resources(@Schema(description = "networks, subnets and ports",
                             example = "[{\"name\": \"network\", \"collection\": \"networks\", \"links\": [{\"href\":"
                                     + " \"http://127.0.0.1:7575/neutron/v2.0/networks\", \"rel\": \"self\"}]}]")
                     @JsonProperty("resources") List<Resource> resources) {
    }
}
