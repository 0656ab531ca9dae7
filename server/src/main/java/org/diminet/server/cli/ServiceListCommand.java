package org.diminet.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code GET /api/intersite-vertical}: the services this site takes part in (the caller's project's; an admin's: all). */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "List the services of the site (your project's; all for an admin).",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.API_ERROR_HELP, ExitCodes.USAGE_HELP, ExitCodes.UNREACHABLE_HELP})
final class ServiceListCommand extends ClientCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Option(names = "--long", description = "also the project and the times of creation and last change")
    boolean long_;

    @Override
    public Integer call() {
        output.print(Listing.of(ServiceColumns.list(long_), connect().north().listServices()), out());
        return ExitCodes.OK;
    }
}
