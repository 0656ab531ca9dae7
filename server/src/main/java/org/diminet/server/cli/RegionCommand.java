package org.diminet.server.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code GET /api/region}: which site answers (no token needed when the site's URL is given). */
@Command(name = "region", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "Show the region of the site called.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.API_ERROR_HELP, ExitCodes.USAGE_HELP, ExitCodes.UNREACHABLE_HELP})
public final class RegionCommand extends ClientCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        output.print(Fields.of(List.of(Column.member("name", "name")), connect().anonymousNorth().region()), out());
        return ExitCodes.OK;
    }
}
