package org.diminet.server.web.neutron;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.diminet.vim.embedded.RouterInterface;
import org.diminet.vim.embedded.RouterView;

/**
 * Neutron's router objects ({@code router}, {@code ext-gw-mode} and {@code extraroute} extensions, with the
 * standard attributes description, timestamps and revision). Attributes of extensions the simulator does not
 * implement ({@code distributed}, {@code ha}, availability zones, flavors) are not shown, as Neutron
 * without those extensions does not show them.
 */
final class NeutronRouterViews {
    static final String ROUTER_ID = "9b2e4c6a-3f1d-4e8b-a7c5-2d4f6b8e0a1c";

    private NeutronRouterViews() {
    }

    @Schema(name = "NeutronRouter", description = "A router, as Neutron shows it")
    record Router(
            @Schema(description = "The router's id", example = ROUTER_ID)
            @JsonProperty("id") String id,
            @Schema(description = "Its name", example = "edge")
            @JsonProperty("name") String name,
            @Schema(description = "The owning project (Neutron's older name)", example = "project-a")
            @JsonProperty("tenant_id") String tenantId,
            @Schema(description = "Whether it is administratively up", example = "true")
            @JsonProperty("admin_state_up") boolean adminStateUp,
            @Schema(description = "Always ACTIVE here (nothing schedules it)", example = "ACTIVE")
            @JsonProperty("status") String status,
            @Schema(description = "Its gateway on an external network, or null", types = {"object", "null"})
            @JsonInclude(JsonInclude.Include.ALWAYS)
            @JsonProperty("external_gateway_info") Gateway externalGatewayInfo,
            @Schema(description = "Its description", example = "the project's way out")
            @JsonProperty("description") String description,
            @Schema(description = "Its static routes (`extraroute`)",
                    example = "[{\"destination\": \"10.9.0.0/24\", \"nexthop\": \"192.168.101.99\"}]")
            @JsonProperty("routes") List<Route> routes,
            @Schema(description = "When it was created (UTC, whole seconds)", example = "2026-11-22T10:15:00Z")
            @JsonProperty("created_at") String createdAt,
            @Schema(description = "When it, its gateway or its interfaces last changed", example = "2026-11-22T10:15:00Z")
            @JsonProperty("updated_at") String updatedAt,
            @Schema(description = "1 when created, one more for every change", example = "1")
            @JsonProperty("revision_number") int revisionNumber,
            @Schema(description = "The owning project", example = "project-a")
            @JsonProperty("project_id") String projectId) {

        static Router of(RouterView r) {
            return new Router(r.id(), r.name(), r.project(), r.adminStateUp(), r.status(),
                    r.gateway() == null ? null : Gateway.of(r.gateway()), r.description(),
                    r.routes().stream().map(route -> new Route(route.destination(), route.nexthop())).toList(),
                    r.createdAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                    r.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString(), r.revision(), r.project());
        }
    }

    @Schema(name = "NeutronRoute", description = "A static route")
    record Route(
            @Schema(description = "Where it leads", example = "10.9.0.0/24")
            @JsonProperty("destination") String destination,
            @Schema(description = "Through which address, in a subnet the router is on", example = "192.168.101.99")
            @JsonProperty("nexthop") String nexthop) {
    }

    @Schema(name = "NeutronRouterGateway", description = "A router's gateway: its port on a `router:external` network")
    record Gateway(
            @Schema(description = "The external network", example = NeutronSchemas.NETWORK_ID)
            @JsonProperty("network_id") String networkId,
            @Schema(description = "The gateway port's addresses",
                    example = "[{\"subnet_id\": \"5e2a7c1d-0b3f-4a9e-8d6c-4f1b2a3c5d7e\", \"ip_address\": \"172.24.4.10\"}]")
            @JsonProperty("external_fixed_ips") List<NeutronViews.Address> externalFixedIps,
            @Schema(description = "Whether traffic leaving through it would be source-NATed", example = "true")
            @JsonProperty("enable_snat") boolean enableSnat) {

        static Gateway of(RouterView.Gateway g) {
            return new Gateway(g.networkId(), g.externalFixedIps().stream().map(NeutronViews.Address::of).toList(),
                    g.enableSnat());
        }
    }

    @Schema(name = "NeutronRouterInterface", description = "A router interface added or removed")
    record Interface(
            @Schema(description = "The router's id", example = ROUTER_ID)
            @JsonProperty("id") String id,
            @Schema(description = "The interface port's project", example = "project-a")
            @JsonProperty("tenant_id") String tenantId,
            @Schema(description = "The interface port", example = "8c4d2e6f-1a3b-4c5d-9e7f-0a2b4c6d8e1f")
            @JsonProperty("port_id") String portId,
            @Schema(description = "The port's network", example = NeutronSchemas.NETWORK_ID)
            @JsonProperty("network_id") String networkId,
            @Schema(description = "One subnet of the call (deprecated by `subnet_ids`)", example = NeutronSchemas.SUBNET_ID)
            @JsonProperty("subnet_id") String subnetId,
            @Schema(description = "The subnets the call concerned", example = "[\"" + NeutronSchemas.SUBNET_ID + "\"]")
            @JsonProperty("subnet_ids") List<String> subnetIds) {

        static Interface of(RouterInterface i) {
            return new Interface(i.routerId(), i.project(), i.portId(), i.networkId(), i.subnetId(), i.subnetIds());
        }
    }
}
