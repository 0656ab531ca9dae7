package org.diminet.server.cli;

import picocli.CommandLine.Command;

/** {@code diminet service …}: the inter-site services of the North API. */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = "Inter-site services (L3 routing, L2 extension) through a site's North API.",
        subcommands = {ServiceListCommand.class, ServiceShowCommand.class, ServiceOperationsCommand.class, ServiceCreateCommand.class,
                ServiceSetCommand.class, ServiceDeleteCommand.class},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.API_ERROR_HELP, ExitCodes.USAGE_HELP, ExitCodes.UNREACHABLE_HELP})
public final class ServiceCommand {
}
