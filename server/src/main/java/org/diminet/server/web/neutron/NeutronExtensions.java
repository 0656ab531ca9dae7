package org.diminet.server.web.neutron;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.diminet.core.domain.Caller;
import org.diminet.server.auth.RequestIdentity;
import org.diminet.vim.embedded.EmbeddedVimException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v2.0/extensions}: the Neutron API extensions this site implements, with Neutron's own names,
 * descriptions and dates, so a client (Tempest, the openstack CLI) can tell what to expect. Only what is
 * really implemented is listed.
 */
@RestController
@ConditionalOnProperty(name = "diminet.vim.kind", havingValue = "embedded", matchIfMissing = true)
@RequestMapping("/neutron/v2.0")
@Tag(name = "Neutron")
public class NeutronExtensions {

    /** The extensions, in the order Neutron lists them. */
    static final List<NeutronRouterSchemas.Extension> IMPLEMENTED = List.of(
            extension("agent", "agent", "The agent management extension.", "2013-02-03T10:00:00-00:00"),
            extension("external-net", "Neutron external network", "Adds external network attribute to network resource.",
                    "2013-01-14T10:00:00-00:00"),
            extension("router", "Neutron L3 Router", "Router abstraction for basic L3 forwarding between L2 Neutron"
                    + " networks and access to external networks via a NAT gateway.", "2012-07-20T10:00:00-00:00"),
            extension("extraroute", "Neutron Extra Route", "Extra routes configuration for L3 router",
                    "2013-02-01T10:00:00-00:00"),
            extension("ext-gw-mode", "Neutron L3 Configurable external gateway mode", "Extension of the router"
                    + " abstraction for specifying whether SNAT should occur on the external gateway",
                    "2013-03-28T10:00:00-00:00"));

    @GetMapping("/extensions")
    @Operation(operationId = "listNeutronExtensions", summary = "List the API extensions this site implements")
    @ApiResponse(responseCode = "200", description = "The extensions",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = NeutronRouterSchemas.ExtensionList.class)))
    public Map<String, Object> list(@RequestAttribute(RequestIdentity.CALLER) Caller caller) {
        return Map.of("extensions", IMPLEMENTED.stream().map(NeutronQuery::toMap).toList());
    }

    @GetMapping("/extensions/{alias}")
    @Operation(operationId = "showNeutronExtension", summary = "Show an API extension")
    @ApiResponse(responseCode = "200", description = "The extension",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = NeutronRouterSchemas.ExtensionBody.class)))
    @ApiResponse(responseCode = "404", description = "This site does not implement it (`HTTPNotFound`).")
    public Map<String, Object> show(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                    @Parameter(description = "The extension's alias", example = "router")
                                    @PathVariable String alias) {
        return IMPLEMENTED.stream().filter(e -> e.alias().equals(alias)).findFirst()
                .map(e -> Map.<String, Object>of("extension", NeutronQuery.toMap(e)))
                .orElseThrow(() -> new EmbeddedVimException(404, "HTTPNotFound",
                        "Extension with alias " + alias + " does not exist"));
    }

    private static NeutronRouterSchemas.Extension extension(String alias, String name, String description, String updated) {
        return new NeutronRouterSchemas.Extension(alias, name, description, updated, List.of());
    }
}
