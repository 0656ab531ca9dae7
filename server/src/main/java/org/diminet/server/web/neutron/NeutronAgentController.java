package org.diminet.server.web.neutron;

import io.swagger.v3.oas.annotations.Hidden;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Neutron's {@code agent} extension on a site that has no agents: the list is empty, for admins (who could
 * see agents) and for everyone else (whom Neutron's policy shows none), and any one agent is
 * {@code AgentNotFound}, as a Neutron without agents answers (left out of the OpenAPI document, which wants a
 * success for every operation).
 */
@RestController
@ConditionalOnProperty(name = "diminet.vim.kind", havingValue = "embedded", matchIfMissing = true)
@RequestMapping("/neutron/v2.0/agents")
@Tag(name = "Neutron")
public class NeutronAgentController {
    private static final String AGENT_ID = "4e6a8c0b-2d4f-4a6b-8c0d-2e4f6a8b0c2d";

    @GetMapping
    @Operation(operationId = "listAgents", summary = "List agents: none on a simulated site")
    @ApiResponse(responseCode = "200", description = "No agents",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeutronRouterSchemas.AgentList.class)))
    public Map<String, Object> list(@RequestAttribute(RequestIdentity.CALLER) Caller caller) {
        return Map.of("agents", List.of());
    }

    @GetMapping("/{id}")
    @Hidden // there is never an agent to answer with: only its 404
    public Map<String, Object> show(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                    @Parameter(description = "The agent's id", example = AGENT_ID) @PathVariable String id) {
        throw notFound(id);
    }

    @PutMapping("/{id}")
    @Hidden // there is never an agent to answer with: only its 404
    public Map<String, Object> update(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                      @Parameter(description = "The agent's id", example = AGENT_ID) @PathVariable String id) {
        throw notFound(id);
    }

    @DeleteMapping("/{id}")
    @Hidden // there is never an agent to answer with: only its 404
    public void delete(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                       @Parameter(description = "The agent's id", example = AGENT_ID) @PathVariable String id) {
        throw notFound(id);
    }

    private static EmbeddedVimException notFound(String id) {
        return new EmbeddedVimException(404, "AgentNotFound", "Agent " + id + " could not be found.");
    }
}
