package org.diminet.server.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code POST /api/intersite-vertical}: the site called becomes the service's master. */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Create a service; the site called becomes its master.",
                "L3: --resource REGION=NETWORK_ID for each site (CIDRs must not overlap).",
                "L2: --resource REGION=NETWORK_ID for the network to extend (at the site called),"
                        + " then --site REGION for each site to extend it to."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.API_ERROR_HELP, ExitCodes.USAGE_HELP, ExitCodes.UNREACHABLE_HELP})
final class ServiceCreateCommand extends ClientCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "NAME", description = "the service's name")
    String name;

    @Option(names = "--type", required = true, paramLabel = "L2|L3", description = "L3 (routing) or L2 (extension)")
    String type;

    @Option(names = "--resource", paramLabel = "REGION[=NETWORK_ID]", description = "a site and its network; repeat for each")
    List<String> resources = new ArrayList<>();

    @Option(names = "--site", paramLabel = "REGION", description = "L2: a site to extend the network to; repeat for each")
    List<String> sites = new ArrayList<>();

    @Option(names = "--project", paramLabel = "PROJECT_ID", description = "admins only: the project the service is for")
    String project;

    @Override
    public Integer call() {
        ObjectNode body = HttpJson.JSON.createObjectNode().put("name", name).put("type", type);
        if (project != null) {
            body.put("project_id", project);
        }
        ArrayNode list = body.putArray("resources");
        resources.forEach(r -> list.add(ResourceArgument.parse(r).toJson()));
        sites.forEach(s -> list.add(ResourceArgument.siteOnly(s).toJson()));
        if (list.isEmpty()) {
            throw new UsageError("give the service's sites with --resource REGION=NETWORK_ID (and, for L2, --site REGION)");
        }
        output.print(ServiceColumns.shown(connect().north().create(body)), out());
        return ExitCodes.OK;
    }
}
