package org.diminet.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code -f json} and {@code -f yaml}: a listing as a list of objects keyed by the column headings, one
 * item as an object keyed by its field names, as the openstack client does. Values keep the API's
 * structure (lists stay lists), so scripts need not parse table text.
 */
final class StructuredFormatter implements Formatter {
    private final ObjectWriter writer;

    private StructuredFormatter(ObjectWriter writer) {
        this.writer = writer;
    }

    static StructuredFormatter json() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("").withObjectEmptySeparator(""));
        pretty.indentArraysWith(indenter);
        pretty.indentObjectsWith(indenter);
        return new StructuredFormatter(new ObjectMapper().writer(pretty));
    }

    static StructuredFormatter yaml() {
        YAMLMapper yaml = YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        return new StructuredFormatter(yaml.writer());
    }

    @Override
    public void print(Listing listing, PrintWriter out) {
        ArrayNode items = HttpJson.JSON.createArrayNode();
        for (List<Cell> row : listing.rows()) {
            ObjectNode item = items.addObject();
            for (int c = 0; c < row.size(); c++) {
                item.set(listing.headings().get(c), row.get(c).value());
            }
        }
        write(items, out);
    }

    @Override
    public void print(Fields fields, PrintWriter out) {
        ObjectNode item = HttpJson.JSON.createObjectNode();
        for (int i = 0; i < fields.names().size(); i++) {
            item.set(fields.names().get(i), fields.cells().get(i).value());
        }
        write(item, out);
    }

    private void write(Object value, PrintWriter out) {
        try {
            String text = writer.writeValueAsString(value);
            out.print(text.endsWith("\n") ? text : text + "\n");
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the output", e);
        }
    }
}
