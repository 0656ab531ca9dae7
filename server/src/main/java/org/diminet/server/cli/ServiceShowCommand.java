package org.diminet.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code GET /api/intersite-vertical/{id}}: one service as this site sees it. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "Show one service as the site sees it (its part, connections, open operations).",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.API_ERROR_HELP, ExitCodes.USAGE_HELP, ExitCodes.UNREACHABLE_HELP})
final class ServiceShowCommand extends ClientCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "ID", description = "the service's global id")
    String id;

    @Override
    public Integer call() {
        output.print(ServiceColumns.shown(connect().north().service(id)), out());
        return ExitCodes.OK;
    }
}
