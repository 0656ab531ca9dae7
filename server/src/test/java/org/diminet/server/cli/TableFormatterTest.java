package org.diminet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bordered table, character for character: widths from the widest line, several lines per cell. */
class TableFormatterTest {

    private static Cell cell(String... lines) {
        return new Cell(TextNode.valueOf(String.join(" ", lines)), List.of(lines));
    }

    private static String print(Listing listing) {
        StringWriter text = new StringWriter();
        new TableFormatter().print(listing, new PrintWriter(text));
        return text.toString();
    }

    @Test
    void aListingWithAMultiLineCell() {
        Listing listing = new Listing(List.of("ID", "Resources"), List.of(
                List.of(cell("a1"), cell("RegionOne=n1", "RegionTwo")),
                List.of(cell("b22222"), cell())));

        assertThat(print(listing)).isEqualTo("""
                +--------+--------------+
                | ID     | Resources    |
                +--------+--------------+
                | a1     | RegionOne=n1 |
                |        | RegionTwo    |
                | b22222 |              |
                +--------+--------------+
                """);
    }

    @Test
    void oneItemAsFieldAndValue() {
        StringWriter text = new StringWriter();
        new TableFormatter().print(new Fields(List.of("name", "state"), List.of(cell("my-l3"), cell("ACTIVE"))),
                new PrintWriter(text));

        assertThat(text.toString()).isEqualTo("""
                +-------+--------+
                | Field | Value  |
                +-------+--------+
                | name  | my-l3  |
                | state | ACTIVE |
                +-------+--------+
                """);
    }

    @Test
    void anEmptyListingPrintsNothing() {
        assertThat(print(new Listing(List.of("ID"), List.of()))).isEmpty();
    }
}
