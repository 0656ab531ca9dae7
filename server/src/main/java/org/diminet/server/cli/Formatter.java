package org.diminet.server.cli;

import java.io.PrintWriter;

/** Prints a listing or one item's fields in one output format. */
sealed interface Formatter permits TableFormatter, ValueFormatter, StructuredFormatter {

    void print(Listing listing, PrintWriter out);

    void print(Fields fields, PrintWriter out);
}
