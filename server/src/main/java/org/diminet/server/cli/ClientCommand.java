package org.diminet.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every client command has: the connection options, where it prints (picocli's out and err, so
 * tests can capture them) and how it reaches DIMINET. Commands only say what to ask and what to print.
 */
abstract class ClientCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    protected ClientConnection connect() {
        return new ClientConnection(connection.resolve(), new HttpJson());
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
