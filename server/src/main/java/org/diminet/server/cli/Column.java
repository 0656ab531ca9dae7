package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/**
 * A column of a list, or a field of a show: its heading, where its value is in an API answer, and how
 * that value reads as text (by default {@link CellText#lines}).
 */
record Column(String heading, Function<JsonNode, JsonNode> value, Function<JsonNode, List<String>> text) {

    /** The member {@code name} of the answer, as {@link CellText} shows it. */
    static Column member(String heading, String name) {
        return new Column(heading, answer -> answer.get(name), CellText::lines);
    }

    Column withText(Function<JsonNode, List<String>> otherText) {
        return new Column(heading, value, otherText);
    }

    Cell cellOf(JsonNode answer) {
        JsonNode found = value.apply(answer);
        JsonNode data = found == null || found.isMissingNode() ? HttpJson.JSON.nullNode() : found;
        return new Cell(data, text.apply(data));
    }
}
