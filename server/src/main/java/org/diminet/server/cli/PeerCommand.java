package org.diminet.server.cli;

import picocli.CommandLine.Command;

/** {@code diminet peer …}: the other DIMINET sites as the site called sees them. */
@Command(name = "peer", mixinStandardHelpOptions = true,
        description = "The other DIMINET sites, as the site called sees them.",
        subcommands = {PeerListCommand.class},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.API_ERROR_HELP, ExitCodes.USAGE_HELP, ExitCodes.UNREACHABLE_HELP})
public final class PeerCommand {
}
