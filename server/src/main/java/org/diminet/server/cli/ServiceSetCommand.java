package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code PUT /api/intersite-vertical/{id}}: the service's sites become the given list. With
 * {@code --add-site}/{@code --remove-site} the list is the current one (read first) with those changes;
 * the master refuses a change that raced with another ({@code service-busy}).
 */
@Command(name = "set", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Change a service's sites (sent on to its master).",
                "Either give the whole new list (--resource, --site) or changes to the current one"
                        + " (--add-site, --remove-site)."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.API_ERROR_HELP, ExitCodes.USAGE_HELP, ExitCodes.UNREACHABLE_HELP})
final class ServiceSetCommand extends ClientCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "ID", description = "the service's global id")
    String id;

    @Option(names = "--resource", paramLabel = "REGION[=NETWORK_ID]", description = "a site of the new list, with its network; repeat for each")
    List<String> resources = new ArrayList<>();

    @Option(names = "--site", paramLabel = "REGION", description = "a site of the new list without a network (L2); repeat for each")
    List<String> sites = new ArrayList<>();

    @Option(names = "--add-site", paramLabel = "REGION[=NETWORK_ID]", description = "add this site to the current list; repeat for more")
    List<String> added = new ArrayList<>();

    @Option(names = "--remove-site", paramLabel = "REGION", description = "remove this site from the current list; repeat for more")
    List<String> removed = new ArrayList<>();

    @Override
    public Integer call() {
        boolean replace = !resources.isEmpty() || !sites.isEmpty();
        boolean change = !added.isEmpty() || !removed.isEmpty();
        if (replace == change) {
            throw new UsageError(replace ? "give either the new list (--resource, --site) or changes (--add-site, --remove-site), not both"
                    : "nothing to set: give --resource/--site (the new list) or --add-site/--remove-site");
        }
        NorthClient north = connect().north();
        ArrayNode list = HttpJson.JSON.createArrayNode();
        if (replace) {
            resources.forEach(r -> list.add(ResourceArgument.parse(r).toJson()));
            sites.forEach(s -> list.add(ResourceArgument.siteOnly(s).toJson()));
        } else {
            list.addAll(changedList(north.service(id).path("resources")));
        }
        ObjectNode body = HttpJson.JSON.createObjectNode();
        body.set("resources", list);
        output.print(ServiceColumns.shown(north.replaceResources(id, body)), out());
        return ExitCodes.OK;
    }

    private ArrayNode changedList(JsonNode current) {
        List<String> present = new ArrayList<>();
        current.forEach(r -> present.add(r.path("region").asText()));
        for (String region : removed) {
            if (!present.contains(region)) {
                throw new UsageError("--remove-site " + region + ": not a site of the service, whose sites are " + present);
            }
        }
        ArrayNode list = HttpJson.JSON.createArrayNode();
        for (JsonNode resource : current) {
            if (!removed.contains(resource.path("region").asText())) {
                ObjectNode kept = HttpJson.JSON.createObjectNode().put("region", resource.path("region").asText());
                if (resource.hasNonNull("network")) {
                    kept.put("network", resource.get("network").asText());
                }
                list.add(kept);
            }
        }
        for (String text : added) {
            ResourceArgument resource = ResourceArgument.parse(text);
            if (present.contains(resource.region())) {
                throw new UsageError("--add-site " + resource.region() + ": already a site of the service");
            }
            list.add(resource.toJson());
        }
        return list;
    }
}
