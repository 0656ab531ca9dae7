package org.diminet.server.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code -f value}: bare values for shell scripts, as the openstack client prints them: a listing's
 * row on one line (values separated by a space), one item's values one per line.
 */
final class ValueFormatter implements Formatter {

    @Override
    public void print(Listing listing, PrintWriter out) {
        for (List<Cell> row : listing.rows()) {
            out.println(String.join(" ", row.stream().map(Cell::oneLine).toList()));
        }
        out.flush();
    }

    @Override
    public void print(Fields fields, PrintWriter out) {
        fields.cells().forEach(cell -> out.println(cell.oneLine()));
        out.flush();
    }
}
