package org.diminet.server.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The openstack client's bordered tables: a listing's headings over its rows; one item as
 * {@code Field | Value} rows. A cell of several lines takes several text lines. An empty listing
 * prints nothing, as there.
 */
final class TableFormatter implements Formatter {

    @Override
    public void print(Listing listing, PrintWriter out) {
        if (listing.rows().isEmpty()) {
            return;
        }
        List<List<List<String>>> rows = new ArrayList<>();
        for (List<Cell> row : listing.rows()) {
            rows.add(row.stream().map(TableFormatter::linesOf).toList());
        }
        draw(listing.headings(), rows, out);
    }

    @Override
    public void print(Fields fields, PrintWriter out) {
        List<List<List<String>>> rows = new ArrayList<>();
        for (int i = 0; i < fields.names().size(); i++) {
            rows.add(List.of(List.of(fields.names().get(i)), linesOf(fields.cells().get(i))));
        }
        draw(List.of("Field", "Value"), rows, out);
    }

    private static List<String> linesOf(Cell cell) {
        return cell.lines().isEmpty() ? List.of("") : cell.lines();
    }

    private static void draw(List<String> headings, List<List<List<String>>> rows, PrintWriter out) {
        int[] widths = new int[headings.size()];
        for (int c = 0; c < headings.size(); c++) {
            widths[c] = headings.get(c).length();
            for (List<List<String>> row : rows) {
                for (String line : row.get(c)) {
                    widths[c] = Math.max(widths[c], line.length());
                }
            }
        }
        String border = border(widths);
        out.println(border);
        out.println(line(headings, widths));
        out.println(border);
        for (List<List<String>> row : rows) {
            int height = row.stream().mapToInt(List::size).max().orElse(1);
            for (int l = 0; l < height; l++) {
                List<String> texts = new ArrayList<>();
                for (List<String> cell : row) {
                    texts.add(l < cell.size() ? cell.get(l) : "");
                }
                out.println(line(texts, widths));
            }
        }
        out.println(border);
        out.flush();
    }

    private static String border(int[] widths) {
        StringBuilder line = new StringBuilder("+");
        for (int width : widths) {
            line.append("-".repeat(width + 2)).append('+');
        }
        return line.toString();
    }

    private static String line(List<String> texts, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < widths.length; c++) {
            String text = texts.get(c);
            line.append(' ').append(text).append(" ".repeat(widths[c] - text.length())).append(" |");
        }
        return line.toString();
    }
}
