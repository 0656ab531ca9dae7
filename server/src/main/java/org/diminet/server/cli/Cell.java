package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One value to print: as data for {@code -f json|yaml} (what scripts parse) and as lines of text for
 * {@code -f table|value} (what people read).
 */
record Cell(JsonNode value, List<String> lines) {

    Cell {
        lines = List.copyOf(lines);
    }

    /** The text on one line, for {@code -f value}: lines joined with a space. */
    String oneLine() {
        return String.join(" ", lines);
    }
}
