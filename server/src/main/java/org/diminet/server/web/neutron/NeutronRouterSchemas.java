package org.diminet.server.web.neutron;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The router and agent bodies as the OpenAPI document shows them; like {@link NeutronSchemas}, for
 * the document only (requests are read as JSON trees by {@link NeutronRouterRequests}).
 */
final class NeutronRouterSchemas {
    private NeutronRouterSchemas() {
    }

    // --- requests ------------------------------------------------------------------------------

    @Schema(name = "NeutronGatewayRequest", description = "A router's gateway: `null` or `{}` for none")
    record GatewayRequest(
            @Schema(description = "A `router:external` network", example = NeutronSchemas.NETWORK_ID,
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @JsonProperty("network_id") String networkId,
            @Schema(description = "Source NAT on the gateway (default true): admins only", example = "true")
            @JsonProperty("enable_snat") Boolean enableSnat,
            @Schema(description = "The gateway's address (at most one here): admins only",
                    example = "[{\"ip_address\": \"172.24.4.10\"}]")
            @JsonProperty("external_fixed_ips") List<NeutronViews.Address> externalFixedIps) {
    }

    @Schema(name = "NeutronRouterCreate", description = "A new router; `routes` only on update, as in Neutron;"
            + " attributes of extensions this site does not implement (`distributed`, `ha`, …) are refused")
    record RouterCreate(
            @Schema(description = "Its name (default empty)", example = "edge")
            @JsonProperty("name") String name,
            @Schema(description = "Administratively up (default true)", example = "true")
            @JsonProperty("admin_state_up") Boolean adminStateUp,
            @Schema(description = "Its description (default empty)", example = "the project's way out")
            @JsonProperty("description") String description,
            @Schema(description = "Its gateway, if any")
            @JsonProperty("external_gateway_info") GatewayRequest externalGatewayInfo,
            @Schema(description = NeutronSchemas.PROJECT, example = "project-a")
            @JsonProperty("project_id") String projectId,
            @Schema(description = "The older name of `project_id`; both must agree", example = "project-a")
            @JsonProperty("tenant_id") String tenantId) {
    }

    @Schema(name = "NeutronRouterCreateRequest", description = "`POST /neutron/v2.0/routers`")
    record RouterCreateBody(@Schema(description = "The router", requiredMode = Schema.RequiredMode.REQUIRED)
                            @JsonProperty("router") RouterCreate router) {
    }

    @Schema(name = "NeutronRouterUpdate", description = "What to change; read-only attributes (`id`, `project_id`,"
            + " `status`) are refused")
    record RouterUpdate(
            @Schema(description = "The new name", example = "edge-2")
            @JsonProperty("name") String name,
            @Schema(description = "Administratively up or down", example = "false")
            @JsonProperty("admin_state_up") Boolean adminStateUp,
            @Schema(description = "The new description", example = "moved")
            @JsonProperty("description") String description,
            @Schema(description = "The new gateway; `null` or `{}` removes it")
            @JsonProperty("external_gateway_info") GatewayRequest externalGatewayInfo,
            @Schema(description = "The new static routes, replacing all (`null`: none); update only",
                    example = "[{\"destination\": \"10.9.0.0/24\", \"nexthop\": \"192.168.101.99\"}]")
            @JsonProperty("routes") List<NeutronRouterViews.Route> routes) {
    }

    @Schema(name = "NeutronRouterUpdateRequest", description = "`PUT /neutron/v2.0/routers/{id}`")
    record RouterUpdateBody(@Schema(description = "The changes", requiredMode = Schema.RequiredMode.REQUIRED)
                            @JsonProperty("router") RouterUpdate router) {
    }

    @Schema(name = "NeutronRouterInterfaceRequest", description = "Which interface: by subnet or by port (one of them"
            + " to add; to remove, both may be given and must agree)")
    record InterfaceRequest(
            @Schema(description = "A subnet with a gateway: the interface takes its gateway address",
                    example = NeutronSchemas.SUBNET_ID)
            @JsonProperty("subnet_id") String subnetId,
            @Schema(description = "A port without a device, with its addresses", example = "8c4d2e6f-1a3b-4c5d-9e7f-0a2b4c6d8e1f")
            @JsonProperty("port_id") String portId) {
    }

    // --- responses -----------------------------------------------------------------------------

    @Schema(name = "NeutronRouterResponse", description = "One router")
    record RouterBody(@Schema(description = "The router") @JsonProperty("router") NeutronRouterViews.Router router) {
    }

    @Schema(name = "NeutronRouterList", description = "Routers")
    record RouterList(@Schema(description = "The routers the caller sees that pass the filters, in creation order",
                              example = "[]")
                      @JsonProperty("routers") List<NeutronRouterViews.Router> routers) {
    }

    @Schema(name = "NeutronAgentList", description = "Agents: none on a simulated site")
    record AgentList(@Schema(description = "Always empty", example = "[]")
                     @JsonProperty("agents") List<Object> agents) {
    }
}
