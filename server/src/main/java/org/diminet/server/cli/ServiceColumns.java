package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How a service of the North API is listed and shown. A show has the fields of the service's type
 * (L3: the local CIDRs; L2: CIDR, gateway, this site's pools and, at the master, the pool ledger), each
 * field's data as the API gives it and its text made for reading.
 */
final class ServiceColumns {
    private ServiceColumns() {
    }

    /** {@code service list}: one line per service; {@code --long} adds the project and times. */
    static List<Column> list(boolean long_) {
        List<Column> columns = new ArrayList<>(List.of(
                Column.member("ID", "global_id"),
                Column.member("Name", "name"),
                Column.member("Type", "type"),
                Column.member("State", "state"),
                Column.member("Master", "master"),
                Column.member("Resources", "resources").withText(ServiceColumns::resourceLines)));
        if (long_) {
            columns.add(Column.member("Project", "project"));
            columns.add(Column.member("Created At", "created_at"));
            columns.add(Column.member("Updated At", "updated_at"));
        }
        return columns;
    }

    /** {@code service show} (and what create and set print): the site's view of one service. */
    static Fields shown(JsonNode service) {
        return Fields.of(show(service), service);
    }

    static List<Column> show(JsonNode service) {
        List<Column> fields = new ArrayList<>(List.of(
                Column.member("global_id", "global_id"),
                Column.member("name", "name"),
                Column.member("type", "type"),
                Column.member("state", "state"),
                Column.member("project", "project"),
                Column.member("master", "master"),
                Column.member("resources", "resources").withText(ServiceColumns::resourceLines)));
        JsonNode params = service.path("params");
        if ("L3".equals(params.path("kind").asText())) {
            fields.add(param("local_cidrs"));
        } else if ("L2".equals(params.path("kind").asText())) {
            fields.add(param("cidr"));
            fields.add(param("gateway_ip"));
            fields.add(param("local_pools").withText(ServiceColumns::poolLines));
            if (params.hasNonNull("ledger")) {
                fields.add(param("ledger").withText(ServiceColumns::ledgerLines));
            }
        }
        fields.addAll(List.of(
                Column.member("connections", "connections").withText(ServiceColumns::connectionLines),
                Column.member("data_plane", "data_plane").withText(ServiceColumns::dataPlaneLines),
                Column.member("pending_operations", "pending_operations").withText(ServiceColumns::operationLines),
                Column.member("created_at", "created_at"),
                Column.member("updated_at", "updated_at")));
        return fields;
    }

    /** {@code pool add}: the pools this site hands out now. */
    static List<Column> pools() {
        return List.of(
                Column.member("global_id", "global_id"),
                Column.member("name", "name"),
                Column.member("state", "state"),
                param("cidr"),
                param("local_pools").withText(ServiceColumns::poolLines));
    }

    private static Column param(String name) {
        return new Column(name, service -> service.path("params").get(name), CellText::lines);
    }

    /** {@code RegionOne=<network id>} per resource, or the region alone while it has no network yet. */
    static List<String> resourceLines(JsonNode resources) {
        List<String> lines = new ArrayList<>();
        for (JsonNode resource : resources) {
            String network = resource.path("network").asText("");
            lines.add(resource.path("region").asText() + (network.isEmpty() ? "" : "=" + network));
        }
        return lines;
    }

    /** {@code 10.0.0.2-10.0.0.63} per pool. */
    static List<String> poolLines(JsonNode pools) {
        List<String> lines = new ArrayList<>();
        for (JsonNode pool : pools) {
            lines.add(pool.path("start").asText() + "-" + pool.path("end").asText());
        }
        return lines;
    }

    /** Each site's pools, then what is still free: {@code RegionTwo: 10.0.0.65-10.0.0.127}. */
    static List<String> ledgerLines(JsonNode ledger) {
        List<String> lines = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ledger.path("assigned").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> site = it.next();
            lines.add(site.getKey() + ": " + String.join(", ", poolLines(site.getValue())));
        }
        List<String> free = poolLines(ledger.path("free"));
        lines.add("free: " + (free.isEmpty() ? "none" : String.join(", ", free)));
        return lines;
    }

    /** {@code RegionTwo: export 64512:1, import 64512:2} per remote site. */
    static List<String> connectionLines(JsonNode connections) {
        List<String> lines = new ArrayList<>();
        for (JsonNode connection : connections) {
            lines.add(connection.path("remote_region").asText() + ": export " + connection.path("local_export").asText()
                    + ", import " + connection.path("remote_export").asText());
        }
        return lines;
    }

    /** The driver, the route target exported, those imported, and what the driver made in the VIM. */
    static List<String> dataPlaneLines(JsonNode dataPlane) {
        if (dataPlane.isNull()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("driver " + dataPlane.path("driver").asText());
        lines.add("export " + dataPlane.path("export_target").asText());
        List<String> imports = CellText.lines(dataPlane.path("import_targets"));
        lines.add("import " + (imports.isEmpty() ? "none" : String.join(", ", imports)));
        List<String> made = CellText.lines(dataPlane.path("external_ids"));
        if (!made.isEmpty()) {
            lines.add("objects " + String.join(", ", made));
        }
        return lines;
    }

    /** Per open operation its kind and phase (and why it was revoked), then each site it waits for. */
    static List<String> operationLines(JsonNode operations) {
        List<String> lines = new ArrayList<>();
        for (JsonNode operation : operations) {
            String revoked = operation.path("revoked_because").path("message").asText("");
            lines.add(operation.path("kind").asText() + " " + operation.path("phase").asText()
                    + (revoked.isEmpty() ? "" : ", revoked: " + revoked));
            for (JsonNode step : operation.path("pending_steps")) {
                String error = step.path("last_error").asText("");
                lines.add("  " + step.path("region").asText() + " " + step.path("action").asText() + ", "
                        + step.path("attempts").asInt() + " attempts" + (error.isEmpty() ? "" : ", last error: " + error));
            }
        }
        return lines;
    }
}
