package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code GET /api/health}'s peers: each as the site last probed it (no token needed when the site's URL is given). */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "List the site's peers: reachable or not, last round-trip time, last error.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.API_ERROR_HELP, ExitCodes.USAGE_HELP, ExitCodes.UNREACHABLE_HELP})
final class PeerListCommand extends ClientCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Option(names = "--long", description = "also when each peer was last probed")
    boolean long_;

    @Override
    public Integer call() {
        List<Column> columns = new ArrayList<>(List.of(
                Column.member("Region", "region"),
                Column.member("Reachable", "reachable"),
                Column.member("Round Trip (ms)", "round_trip_ms").withText(PeerListCommand::milliseconds),
                Column.member("Error", "error")));
        if (long_) {
            columns.add(Column.member("Checked At", "checked_at"));
        }
        output.print(Listing.of(columns, connect().anonymousNorth().health().path("peers")), out());
        return ExitCodes.OK;
    }

    /** A tenth of a millisecond is as precise as a probe over HTTP is; json and yaml keep the site's number. */
    private static List<String> milliseconds(JsonNode value) {
        return value.isNumber() ? List.of(String.format(Locale.ROOT, "%.1f", value.asDouble())) : CellText.lines(value);
    }
}
