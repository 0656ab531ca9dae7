package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code DELETE /api/intersite-vertical/{id}} for each id. Like the openstack client, it goes on after
 * a failure and then says how many failed; the exit code is that of the first failure.
 */
@Command(name = "delete", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Delete services at every site (sent on to each one's master). Prints nothing when a service is gone"
                + " everywhere; says so on stderr when a site that cannot be reached yet will be cleaned up later."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.API_ERROR_HELP, ExitCodes.USAGE_HELP, ExitCodes.UNREACHABLE_HELP})
final class ServiceDeleteCommand extends ClientCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", arity = "1..*", description = "the services' global ids")
    List<String> ids;

    @Override
    public Integer call() {
        NorthClient north = connect().north();
        int failed = 0;
        int exitCode = ExitCodes.OK;
        for (String id : ids) {
            try {
                Optional<JsonNode> pending = north.delete(id);
                pending.ifPresent(service -> err().println("service " + id + " is " + service.path("state").asText("DELETING")
                        + ": removed where it could be, the rest when the sites answer (" + pendingSites(service) + ")"));
            } catch (ApiError | AccessError e) {
                err().println("diminet: service " + id + ": " + e.getMessage());
                failed++;
                exitCode = exitCode == ExitCodes.OK ? e.exitCode() : exitCode;
            }
        }
        if (failed > 0 && ids.size() > 1) {
            err().println("diminet: failed to delete " + failed + " of " + ids.size() + " services");
        }
        err().flush();
        return exitCode;
    }

    private static String pendingSites(JsonNode service) {
        Set<String> regions = new TreeSet<>();
        for (JsonNode operation : service.path("pending_operations")) {
            for (JsonNode step : operation.path("pending_steps")) {
                regions.add(step.path("region").asText());
            }
        }
        return regions.isEmpty() ? "no site named" : "waiting for " + String.join(", ", regions);
    }
}
