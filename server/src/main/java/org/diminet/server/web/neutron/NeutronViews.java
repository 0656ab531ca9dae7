package org.diminet.server.web.neutron;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * availability zones, no tags). The simulator keeps no revisions, so {@code revision_number} is always 1,
 * the value Neutron shows right after a create.
 */
final class NeutronViews {
    private static final int REVISION = 1;
    private static final int MTU = 1450;

    private NeutronViews() {
    }

    record Network(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("project_id") String projectId,
            @JsonProperty("admin_state_up") boolean adminStateUp,
            @JsonProperty("mtu") int mtu,
            @JsonProperty("status") String status,
            @JsonProperty("subnets") List<String> subnets,
            @JsonProperty("shared") boolean shared,
            @JsonProperty("port_security_enabled") boolean portSecurityEnabled,
            @JsonProperty("router:external") boolean routerExternal,
            @JsonProperty("is_default") boolean isDefault,
            @JsonProperty("availability_zone_hints") List<String> availabilityZoneHints,
            @JsonProperty("availability_zones") List<String> availabilityZones,
            @JsonProperty("ipv4_address_scope") String ipv4AddressScope,
            @JsonProperty("ipv6_address_scope") String ipv6AddressScope,
            @JsonProperty("description") String description,
            @JsonProperty("tags") List<String> tags,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("revision_number") int revisionNumber) {

        static Network of(NetworkView n) {
            return new Network(n.id(), n.name(), n.project(), n.project(), n.adminStateUp(), MTU, n.status(),
                    n.subnetIds(), n.shared(), true, false, false, List.of(), List.of(), null, null, "", List.of(),
                    time(n.createdAt()), time(n.updatedAt()), REVISION);
        }
    }

    record Subnet(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("project_id") String projectId,
            @JsonProperty("network_id") String networkId,
            @JsonProperty("ip_version") int ipVersion,
            @JsonProperty("subnetpool_id") String subnetpoolId,
            @JsonProperty("enable_dhcp") boolean enableDhcp,
            @JsonProperty("ipv6_ra_mode") String ipv6RaMode,
            @JsonProperty("ipv6_address_mode") String ipv6AddressMode,
            @JsonProperty("gateway_ip") String gatewayIp,
            @JsonProperty("cidr") String cidr,
            @JsonProperty("allocation_pools") List<Pool> allocationPools,
            @JsonProperty("host_routes") List<Object> hostRoutes,
            @JsonProperty("dns_nameservers") List<String> dnsNameservers,
            @JsonProperty("description") String description,
            @JsonProperty("service_types") List<String> serviceTypes,
            @JsonProperty("tags") List<String> tags,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("revision_number") int revisionNumber) {

        static Subnet of(SubnetView s) {
            return new Subnet(s.id(), s.name(), s.project(), s.project(), s.networkId(), s.ipVersion(), null, s.enableDhcp(),
                    null, null, s.gatewayIp(), s.cidr().value(), s.allocationPools().stream().map(Pool::of).toList(),
                    List.of(), List.of(), "", List.of(), List.of(), time(s.createdAt()), time(s.updatedAt()), REVISION);
        }
    }

    record Pool(@JsonProperty("start") String start, @JsonProperty("end") String end) {
        static Pool of(IpRange range) {
            return new Pool(range.start(), range.end());
        }
    }

    record Port(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("network_id") String networkId,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("project_id") String projectId,
            @JsonProperty("admin_state_up") boolean adminStateUp,
            @JsonProperty("status") String status,
            @JsonProperty("mac_address") String macAddress,
            @JsonProperty("device_owner") String deviceOwner,
            @JsonProperty("device_id") String deviceId,
            @JsonProperty("fixed_ips") List<Address> fixedIps,
            @JsonProperty("allowed_address_pairs") List<Object> allowedAddressPairs,
            @JsonProperty("extra_dhcp_opts") List<Object> extraDhcpOpts,
            @JsonProperty("security_groups") List<String> securityGroups,
            @JsonProperty("port_security_enabled") boolean portSecurityEnabled,
            @JsonProperty("description") String description,
            @JsonProperty("tags") List<String> tags,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("revision_number") int revisionNumber) {

        static Port of(PortView p) {
            return new Port(p.id(), p.name(), p.networkId(), p.project(), p.project(), p.adminStateUp(), p.status(),
                    p.macAddress(), p.deviceOwner(), p.deviceId(), p.fixedIps().stream().map(Address::of).toList(),
                    List.of(), List.of(), List.of(), true, "", List.of(), time(p.createdAt()), time(p.updatedAt()),
                    REVISION);
        }
    }

    /** One {@code fixed_ips} entry. */
    record Address(@JsonProperty("subnet_id") String subnetId, @JsonProperty("ip_address") String ipAddress) {
        static Address of(FixedIp ip) {
            return new Address(ip.subnetId(), ip.ipAddress());
        }
    }

    /** Neutron's timestamp format: ISO 8601 in UTC, whole seconds, e.g. {@code 2026-11-22T10:15:00Z}. */
    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
