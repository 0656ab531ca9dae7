package org.diminet.server.launcher;

import org.diminet.server.cli.CliEnvironment;
import org.diminet.server.cli.CliFactory;
import org.diminet.server.cli.FailureHandler;
import org.diminet.server.cli.PeerCommand;
import org.diminet.server.cli.PoolCommand;
import org.diminet.server.cli.RegionCommand;
import org.diminet.server.cli.ServiceCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the executable jar: the sites (server, demo, bench, table4) and the client of the North API. */
@Command(name = "diminet", mixinStandardHelpOptions = true, version = "DIMINET 0.1.0",
        description = "DIstributed Module for Inter-site NETworking: L2 extension and L3 routing across sites.",
        subcommands = {ServerCommand.class, DemoCommand.class, BenchCommand.class, ResiliencyCommand.class,
                ServiceCommand.class, PoolCommand.class, RegionCommand.class, PeerCommand.class})
public final class DiminetMain implements Runnable {

    public static void main(String[] args) {
        int exit = commandLine(CliEnvironment.system()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
        // On success the started sites keep the JVM alive until Ctrl-C; a client command has no thread left.
    }

    /** The whole command line; the client commands read {@code environment} instead of the process's. */
    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine cli = new CommandLine(new DiminetMain(), new CliFactory(environment));
        cli.setExecutionExceptionHandler(new FailureHandler(cli.getExecutionExceptionHandler()));
        return cli;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
