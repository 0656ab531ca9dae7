package org.diminet.server.web.neutron;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.diminet.core.domain.IpRange;
import org.diminet.vim.embedded.FixedIp;
import org.diminet.vim.embedded.NetworkView;
import org.diminet.vim.embedded.PortView;
import org.diminet.vim.embedded.SubnetView;

/**
 * Neutron's response objects. Every component names its JSON field explicitly, so the wire format never
 * depends on a global naming strategy; timestamps and addresses are plain strings.
 *
 * <p>{@code tenant_id} and {@code project_id} both show the owner, as Neutron still shows both. Attributes
 * the simulator does not model carry Neutron's values for a plain tenant network (no address scopes, no
 * availability zones, no tags). {@code revision_number} is 1 after a create and one more with every change.
 */
final class NeutronViews {
    private static final int MTU = 1450;

    private NeutronViews() {
    }

    @Schema(name = "NeutronNetwork", description = "A network, as Neutron shows it")
    record Network(
            @Schema(description = "The network's id", example = "3b8360e6-e29a-4063-a8bc-7bbd0785d08b")
            @JsonProperty("id") String id,
            @Schema(description = "Its name", example = "blue")
            @JsonProperty("name") String name,
            @Schema(description = "The owning project (Neutron's older name)", example = "project-a")
            @JsonProperty("tenant_id") String tenantId,
            @Schema(description = "The owning project", example = "project-a")
            @JsonProperty("project_id") String projectId,
            @Schema(description = "Whether it is administratively up", example = "true")
            @JsonProperty("admin_state_up") boolean adminStateUp,
            @Schema(description = "Always 1450 here (a VXLAN tenant network's)", example = "1450")
            @JsonProperty("mtu") int mtu,
            @Schema(description = "Its status: ACTIVE", example = "ACTIVE")
            @JsonProperty("status") String status,
            @Schema(description = "The ids of its subnets", example = "[\"5e2a7c1d-0b3f-4a9e-8d6c-4f1b2a3c5d7e\"]")
            @JsonProperty("subnets") List<String> subnets,
            @Schema(description = "Whether every project may use it", example = "false")
            @JsonProperty("shared") boolean shared,
            @Schema(description = "Always true here", example = "true")
            @JsonProperty("port_security_enabled") boolean portSecurityEnabled,
            @Schema(description = "Whether routers may have their gateway on it (then every project sees it)",
                    example = "false")
            @JsonProperty("router:external") boolean routerExternal,
            @Schema(description = "Always false here", example = "false")
            @JsonProperty("is_default") boolean isDefault,
            @Schema(description = "Always empty here", example = "[]")
            @JsonProperty("availability_zone_hints") List<String> availabilityZoneHints,
            @Schema(description = "Always empty here", example = "[]")
            @JsonProperty("availability_zones") List<String> availabilityZones,
            @Schema(description = "Always null here", types = {"string", "null"}, example = "null")
            @JsonProperty("ipv4_address_scope") String ipv4AddressScope,
            @Schema(description = "Always null here", types = {"string", "null"}, example = "null")
            @JsonProperty("ipv6_address_scope") String ipv6AddressScope,
            @Schema(description = "Free text", examples = {""})
            @JsonProperty("description") String description,
            @Schema(description = "Always empty here (no tag extension)", example = "[]")
            @JsonProperty("tags") List<String> tags,
            @Schema(description = "When it was created (UTC, whole seconds)", example = "2026-11-22T10:15:00Z")
            @JsonProperty("created_at") String createdAt,
            @Schema(description = "When it last changed", example = "2026-11-22T10:15:00Z")
            @JsonProperty("updated_at") String updatedAt,
            @Schema(description = "1 when created, one more with every change", example = "1")
            @JsonProperty("revision_number") long revisionNumber) {

        /** @param external Neutron's {@code router:external}, kept apart from the network (NeutronExternalNetworks) */
        static Network of(NetworkView n, boolean external) {
            return new Network(n.id(), n.name(), n.project(), n.project(), n.adminStateUp(), MTU, n.status(),
                    n.subnetIds(), n.shared(), true, external, false, List.of(), List.of(), null, null, n.description(),
                    List.of(), time(n.createdAt()), time(n.updatedAt()), n.revision());
        }
    }

    @Schema(name = "NeutronSubnet", description = "A subnet, as Neutron shows it")
    record Subnet(
            @Schema(description = "The subnet's id", example = "5e2a7c1d-0b3f-4a9e-8d6c-4f1b2a3c5d7e")
            @JsonProperty("id") String id,
            @Schema(description = "Its name", example = "blue-v4")
            @JsonProperty("name") String name,
            @Schema(description = "The owning project (Neutron's older name)", example = "project-a")
            @JsonProperty("tenant_id") String tenantId,
            @Schema(description = "The owning project", example = "project-a")
            @JsonProperty("project_id") String projectId,
            @Schema(description = "Its network", example = "3b8360e6-e29a-4063-a8bc-7bbd0785d08b")
            @JsonProperty("network_id") String networkId,
            @Schema(description = "4 or 6", example = "4")
            @JsonProperty("ip_version") int ipVersion,
            @Schema(description = "Always null here", types = {"string", "null"}, example = "null")
            @JsonProperty("subnetpool_id") String subnetpoolId,
            @Schema(description = "As set (no DHCP port is made)", example = "true")
            @JsonProperty("enable_dhcp") boolean enableDhcp,
            @Schema(description = "IPv6 router advertisement mode, or null", types = {"string", "null"}, example = "null")
            @JsonProperty("ipv6_ra_mode") String ipv6RaMode,
            @Schema(description = "IPv6 address mode, or null", types = {"string", "null"}, example = "null")
            @JsonProperty("ipv6_address_mode") String ipv6AddressMode,
            @Schema(description = "The gateway, or null for none", example = "192.168.101.1")
            @JsonProperty("gateway_ip") String gatewayIp,
            @Schema(description = "Its CIDR", example = "192.168.101.0/24")
            @JsonProperty("cidr") String cidr,
            @Schema(description = "The ranges addresses are allocated from",
                    example = "[{\"start\": \"192.168.101.2\", \"end\": \"192.168.101.254\"}]")
            @JsonProperty("allocation_pools") List<Pool> allocationPools,
            @Schema(description = "Routes handed to the hosts", example = "[]")
            @JsonProperty("host_routes") List<Route> hostRoutes,
            @Schema(description = "DNS servers handed to the hosts", example = "[\"192.168.101.53\"]")
            @JsonProperty("dns_nameservers") List<String> dnsNameservers,
            @Schema(description = "Always empty here", examples = {""})
            @JsonProperty("description") String description,
            @Schema(description = "Always empty here", example = "[]")
            @JsonProperty("service_types") List<String> serviceTypes,
            @Schema(description = "Always empty here", example = "[]")
            @JsonProperty("tags") List<String> tags,
            @Schema(description = "When it was created (UTC, whole seconds)", example = "2026-11-22T10:15:00Z")
            @JsonProperty("created_at") String createdAt,
            @Schema(description = "When it last changed", example = "2026-11-22T10:15:00Z")
            @JsonProperty("updated_at") String updatedAt,
            @Schema(description = "1 when created, one more with every change", example = "1")
            @JsonProperty("revision_number") long revisionNumber) {

        static Subnet of(SubnetView s) {
            return new Subnet(s.id(), s.name(), s.project(), s.project(), s.networkId(), s.ipVersion(), null, s.enableDhcp(),
                    s.ipv6RaMode(), s.ipv6AddressMode(), s.gatewayIp(), s.cidr().value(),
                    s.allocationPools().stream().map(Pool::of).toList(),
                    s.hostRoutes().stream().map(r -> new Route(r.destination(), r.nexthop())).toList(),
                    s.dnsNameservers(), s.description(), List.of(), List.of(), time(s.createdAt()), time(s.updatedAt()),
                    s.revision());
        }
    }

    @Schema(name = "NeutronHostRoute", description = "A route a subnet hands to its hosts")
    record Route(
            @Schema(description = "The destination CIDR", example = "10.20.0.0/16")
            @JsonProperty("destination") String destination,
            @Schema(description = "The next hop", example = "192.168.101.254")
            @JsonProperty("nexthop") String nexthop) {
    }

    @Schema(name = "NeutronAllocationPool", description = "An allocation pool: an inclusive range of addresses")
    record Pool(
            @Schema(description = "The first address", example = "192.168.101.2")
            @JsonProperty("start") String start,
            @Schema(description = "The last address", example = "192.168.101.254")
            @JsonProperty("end") String end) {
        static Pool of(IpRange range) {
            return new Pool(range.start(), range.end());
        }
    }

    @Schema(name = "NeutronPort", description = "A port, as Neutron shows it")
    record Port(
            @Schema(description = "The port's id", example = "8c4d2e6f-1a3b-4c5d-9e7f-0a2b4c6d8e1f")
            @JsonProperty("id") String id,
            @Schema(description = "Its name", example = "vm-1")
            @JsonProperty("name") String name,
            @Schema(description = "Its network", example = "3b8360e6-e29a-4063-a8bc-7bbd0785d08b")
            @JsonProperty("network_id") String networkId,
            @Schema(description = "The owning project (Neutron's older name)", example = "project-a")
            @JsonProperty("tenant_id") String tenantId,
            @Schema(description = "The owning project", example = "project-a")
            @JsonProperty("project_id") String projectId,
            @Schema(description = "Whether it is administratively up", example = "true")
            @JsonProperty("admin_state_up") boolean adminStateUp,
            @Schema(description = "Its status: DOWN (the simulator binds no port)", example = "DOWN")
            @JsonProperty("status") String status,
            @Schema(description = "Its MAC address", example = "fa:16:3e:4c:2a:91")
            @JsonProperty("mac_address") String macAddress,
            @Schema(description = "Who uses it, e.g. `compute:nova`", example = "compute:nova")
            @JsonProperty("device_owner") String deviceOwner,
            @Schema(description = "The device's id", example = "9d1c3e5a-7b2f-4c6d-8e0a-1b3c5d7e9f2a")
            @JsonProperty("device_id") String deviceId,
            @Schema(description = "Its addresses",
                    example = "[{\"subnet_id\": \"5e2a7c1d-0b3f-4a9e-8d6c-4f1b2a3c5d7e\", \"ip_address\": \"192.168.101.2\"}]")
            @JsonProperty("fixed_ips") List<Address> fixedIps,
            @Schema(description = "Always empty here", example = "[]")
            @JsonProperty("allowed_address_pairs") List<Object> allowedAddressPairs,
            @Schema(description = "Always empty here", example = "[]")
            @JsonProperty("extra_dhcp_opts") List<Object> extraDhcpOpts,
            @Schema(description = "Always empty here", example = "[]")
            @JsonProperty("security_groups") List<String> securityGroups,
            @Schema(description = "Always true here", example = "true")
            @JsonProperty("port_security_enabled") boolean portSecurityEnabled,
            @Schema(description = "Always empty here: nothing binds a port to a host (Neutron shows the binding to"
                    + " admins only; it cannot be set here)", examples = {""})
            @JsonProperty("binding:host_id") String bindingHostId,
            @Schema(description = "Always `unbound` here", example = "unbound")
            @JsonProperty("binding:vif_type") String bindingVifType,
            @Schema(description = "Always empty here", example = "{}")
            @JsonProperty("binding:vif_details") Map<String, Object> bindingVifDetails,
            @Schema(description = "Always `normal` here", example = "normal")
            @JsonProperty("binding:vnic_type") String bindingVnicType,
            @Schema(description = "Always empty here", example = "{}")
            @JsonProperty("binding:profile") Map<String, Object> bindingProfile,
            @Schema(description = "Free text", examples = {""})
            @JsonProperty("description") String description,
            @Schema(description = "Always empty here (no tag extension)", example = "[]")
            @JsonProperty("tags") List<String> tags,
            @Schema(description = "When it was created (UTC, whole seconds)", example = "2026-11-22T10:15:00Z")
            @JsonProperty("created_at") String createdAt,
            @Schema(description = "When it last changed", example = "2026-11-22T10:15:00Z")
            @JsonProperty("updated_at") String updatedAt,
            @Schema(description = "1 when created, one more with every change", example = "1")
            @JsonProperty("revision_number") long revisionNumber) {

        static Port of(PortView p) {
            return new Port(p.id(), p.name(), p.networkId(), p.project(), p.project(), p.adminStateUp(), p.status(),
                    p.macAddress(), p.deviceOwner(), p.deviceId(), p.fixedIps().stream().map(Address::of).toList(),
                    List.of(), List.of(), List.of(), true, "", "unbound", Map.of(), "normal", Map.of(), p.description(),
                    List.of(), time(p.createdAt()),
                    time(p.updatedAt()), p.revision());
        }
    }

    /** One {@code fixed_ips} entry. */
    @Schema(name = "NeutronFixedIp", description = "A port's address")
    record Address(
            @Schema(description = "The subnet it is from", example = "5e2a7c1d-0b3f-4a9e-8d6c-4f1b2a3c5d7e")
            @JsonProperty("subnet_id") String subnetId,
            @Schema(description = "The address", example = "192.168.101.2")
            @JsonProperty("ip_address") String ipAddress) {
        static Address of(FixedIp ip) {
            return new Address(ip.subnetId(), ip.ipAddress());
        }
    }

    /** Neutron's timestamp format: ISO 8601 in UTC, whole seconds, e.g. {@code 2026-11-22T10:15:00Z}. */
    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
