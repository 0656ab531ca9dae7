package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code GET /api/intersite-vertical/{id}/operations}: how the service's changes went, one line per
 * operation, its steps one per text line (wave, action, site, outcome, time of the last attempt).
 */
@Command(name = "operations", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "Show how a service's changes went: its operations at the site (open, and finished within a"
                + " day), each step with its site, outcome and time.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.API_ERROR_HELP, ExitCodes.USAGE_HELP, ExitCodes.UNREACHABLE_HELP})
final class ServiceOperationsCommand extends ClientCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "ID", description = "the service's global id")
    String id;

    static final List<Column> COLUMNS = List.of(
            Column.member("Operation", "id"),
            Column.member("Kind", "kind"),
            Column.member("Phase", "phase"),
            Column.member("Took ms", "took_ms"),
            Column.member("Steps", "steps").withText(ServiceOperationsCommand::stepLines),
            Column.member("Revoked Because", "revoked_because").withText(why -> why.isNull() ? List.of("")
                    : List.of(why.path("message").asText())),
            Column.member("Started At", "created_at"));

    @Override
    public Integer call() {
        output.print(Listing.of(COLUMNS, connect().north().operations(id)), out());
        return ExitCodes.OK;
    }

    /** "wave action@site status ms", e.g. "1 CREATE_PART@RegionTwo DONE 187 ms"; a retried step says how often. */
    static List<String> stepLines(JsonNode steps) {
        List<String> lines = new ArrayList<>();
        for (JsonNode step : steps) {
            String took = step.path("last_attempt_ms").isNull() ? "" : " " + step.path("last_attempt_ms").asLong() + " ms";
            int attempts = step.path("attempts").asInt();
            lines.add(step.path("wave").asInt() + " " + step.path("action").asText() + "@" + step.path("region").asText()
                    + " " + step.path("status").asText() + took + (attempts > 1 ? " (" + attempts + " attempts)" : ""));
        }
        return lines;
    }
}
