package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What a {@code show}-like command prints: one item's fields, each a name and a cell. */
record Fields(List<String> names, List<Cell> cells) {

    Fields {
        names = List.copyOf(names);
        cells = List.copyOf(cells);
    }

    static Fields of(List<Column> columns, JsonNode item) {
        return new Fields(columns.stream().map(Column::heading).toList(), columns.stream().map(c -> c.cellOf(item)).toList());
    }

    /** Only the named fields (each {@code -c}), in the item's order. */
    Fields select(List<String> wanted) {
        List<Integer> kept = Selection.indexes(names, wanted);
        return new Fields(kept.stream().map(names::get).toList(), kept.stream().map(cells::get).toList());
    }
}
