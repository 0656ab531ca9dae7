package org.diminet.server.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the executable jar. */
@Command(name = "diminet", mixinStandardHelpOptions = true, version = "DIMINET 0.1.0",
        description = "DIstributed Module for Inter-site NETworking: L2 extension and L3 routing across sites.",
        subcommands = {ServerCommand.class, DemoCommand.class, BenchCommand.class, ResiliencyCommand.class})
public final class DiminetMain implements Runnable {

    public static void main(String[] args) {
        int exit = new CommandLine(new DiminetMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
        // On success the started sites keep the JVM alive until Ctrl-C.
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
