package org.diminet.server.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -f FORMAT} and {@code -c COLUMN}, shared by every command that prints something. */
public final class OutputOptions {

    @Option(order = 50, names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", converter = OutputFormat.Converter.class,
            description = "output format: table (default), json, yaml or value")
    OutputFormat format = OutputFormat.TABLE;

    @Option(order = 51, names = {"-c", "--column"}, paramLabel = "COLUMN",
            description = "print only this column (or field); repeat for more")
    List<String> columns = new ArrayList<>();

    void print(Listing listing, PrintWriter out) {
        format.formatter().print(listing.select(columns), out);
    }

    void print(Fields fields, PrintWriter out) {
        format.formatter().print(fields.select(columns), out);
    }
}
