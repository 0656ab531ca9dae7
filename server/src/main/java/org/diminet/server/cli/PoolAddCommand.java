package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code POST /api/intersite-vertical/{id}/pools} (North): the site called asks the service's master for
 * one more pool of addresses. It is the site that runs short that asks, so call that site's DIMINET
 * ({@code --diminet-url} or {@code --os-region-name}).
 */
@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"L2: get one more allocation pool for the site called, from the master's ledger.",
                "Prints the site's pools afterwards. While the master cannot be reached: exit 1, the request stays queued"
                        + " and the pool is added when the master answers."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.API_ERROR_HELP, ExitCodes.USAGE_HELP, ExitCodes.UNREACHABLE_HELP})
final class PoolAddCommand extends ClientCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "SERVICE_ID", description = "the L2 extension's global id")
    String id;

    @Override
    public Integer call() {
        JsonNode service = connect().north().addPool(id);
        output.print(Fields.of(ServiceColumns.pools(), service), out());
        return ExitCodes.OK;
    }
}
