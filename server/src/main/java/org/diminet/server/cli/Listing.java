package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What a {@code list} command prints: headings and one row of cells per item. */
record Listing(List<String> headings, List<List<Cell>> rows) {

    Listing {
        headings = List.copyOf(headings);
        rows = rows.stream().map(List::copyOf).toList();
    }

    static Listing of(List<Column> columns, JsonNode items) {
        List<List<Cell>> rows = new ArrayList<>();
        if (items != null) {
            for (JsonNode item : items) {
                rows.add(columns.stream().map(c -> c.cellOf(item)).toList());
            }
        }
        return new Listing(columns.stream().map(Column::heading).toList(), rows);
    }

    /** Only the named columns (each {@code -c}), in the listing's order. */
    Listing select(List<String> wanted) {
        List<Integer> kept = Selection.indexes(headings, wanted);
        return new Listing(kept.stream().map(headings::get).toList(),
                rows.stream().map(row -> kept.stream().map(row::get).toList()).toList());
    }
}
