package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON values as text in a table, as the openstack client shows them: a scalar as it is, a list one
 * element per line, an object as {@code key='value', …} (nulls left out).
 */
final class CellText {
    private CellText() {
    }

    static List<String> lines(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return List.of();
        }
        if (value.isArray()) {
            List<String> lines = new ArrayList<>();
            value.forEach(element -> lines.add(inline(element)));
            return lines;
        }
        return List.of(inline(value));
    }

    /** One value on one line. */
    static String inline(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(element -> parts.add(quoted(element)));
            return "[" + String.join(", ", parts) + "]";
        }
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isNull()) {
                parts.add(field.getKey() + "=" + quoted(field.getValue()));
            }
        }
        return String.join(", ", parts);
    }

    private static String quoted(JsonNode value) {
        if (value.isTextual()) {
            return "'" + value.asText() + "'";
        }
        return value.isContainerNode() ? (value.isArray() ? inline(value) : "{" + inline(value) + "}") : value.asText();
    }
}
