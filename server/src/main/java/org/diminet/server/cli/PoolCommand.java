package org.diminet.server.cli;

import picocli.CommandLine.Command;

/** {@code diminet pool …}: allocation pools of L2 extensions. */
@Command(name = "pool", mixinStandardHelpOptions = true,
        description = "Allocation pools of L2 extensions.",
        subcommands = {PoolAddCommand.class},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.API_ERROR_HELP, ExitCodes.USAGE_HELP, ExitCodes.UNREACHABLE_HELP})
public final class PoolCommand {
}
