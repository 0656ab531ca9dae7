package org.diminet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diminet.server.cli.CliSites.ALICE;
import static org.diminet.server.cli.CliSites.BOB;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every output format ({@code table}, {@code json}, {@code yaml}, {@code value}) of a list and of a show,
 * {@code -c} and {@code --long}, on one L3 service that RegionOne and RegionTwo route.
 */
@ExtendWith(CliSites.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputFormatsTest {
    private CliSites.Sites sites;
    private String id;
    private String one;
    private String two;

    @BeforeAll
    void createAService() {
        sites = CliSites.sites();
        one = sites.cluster().as(ALICE, "RegionOne").createNetwork("cli-formats-one", "10.76.1.0/24");
        two = sites.cluster().as(ALICE, "RegionTwo").createNetwork("cli-formats-two", "10.76.2.0/24");
        id = sites.run(ALICE, 0, "service", "create", "cli-formats", "--type", "L3", "--resource", "RegionOne=" + one,
                "--resource", "RegionTwo=" + two, "-f", "json").expect(0).json().get("global_id").asText();
    }

    private CliRun list(String... options) {
        return sites.run(ALICE, 0, concat(List.of("service", "list"), options)).expect(0);
    }

    private CliRun show(String... options) {
        return sites.run(ALICE, 0, concat(List.of("service", "show", id), options)).expect(0);
    }

    @Test
    void aListIsABorderedTableByDefault() {
        List<String> lines = list().out().lines().toList();

        assertThat(lines.get(0)).matches("\\+(-+\\+)+");
        assertThat(lines.get(1)).matches("\\| ID +\\| Name +\\| Type +\\| State +\\| Master +\\| Resources +\\|");
        assertThat(lines.get(2)).isEqualTo(lines.get(0));
        assertThat(lines.get(lines.size() - 1)).isEqualTo(lines.get(0));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(id, "cli-formats", "L3", "ACTIVE", "RegionOne=" + one));
        assertThat(lines).as("the second resource on the row's second line")
                .anySatisfy(line -> assertThat(line).matches("\\| +\\| +\\| +\\| +\\| +\\| RegionTwo=" + two + " +\\|"));
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSameSizeAs(lines.get(0)));
    }

    @Test
    void aListAsJsonAndYamlIsAListOfObjectsKeyedByTheHeadings() {
        JsonNode json = list("-f", "json").json();
        JsonNode yaml = list("--format", "yaml").yaml();

        assertThat(yaml).isEqualTo(json);
        JsonNode mine = find(json, "ID", id);
        assertThat(mine.get("Name").asText()).isEqualTo("cli-formats");
        assertThat(mine.get("State").asText()).isEqualTo("ACTIVE");
        assertThat(mine.get("Resources").get(1).get("region").asText()).isEqualTo("RegionTwo");
        assertThat(mine.get("Resources").get(1).get("network").asText()).isEqualTo(two);
        assertThat(iterable(mine.fieldNames())).containsExactly("ID", "Name", "Type", "State", "Master", "Resources");
    }

    @Test
    void aListAsValuesIsOneLinePerItemWithTheChosenColumns() {
        assertThat(list("-f", "value", "-c", "State", "-c", "ID").out().lines())
                .as("columns in the listing's order, whatever the order of -c").contains(id + " ACTIVE");
        assertThat(list("-f", "value", "-c", "Resources").out().lines())
                .contains("RegionOne=" + one + " RegionTwo=" + two);
    }

    @Test
    void longAddsTheProjectAndTimes() {
        JsonNode mine = find(list("--long", "-f", "json").json(), "ID", id);

        assertThat(mine.get("Project").asText()).isEqualTo("project-a");
        assertThat(mine.has("Created At")).isTrue();
        assertThat(mine.has("Updated At")).isTrue();
        assertThat(list("--long").out().lines().toList().get(1)).contains("| Project ", "| Created At ", "| Updated At ");
    }

    @Test
    void aShowIsAFieldValueTableByDefault() {
        List<String> lines = show().out().lines().toList();

        assertThat(lines.get(1)).matches("\\| Field +\\| Value +\\|");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("\\| global_id +\\| " + id + " +\\|"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("\\| state +\\| ACTIVE +\\|"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("\\| local_cidrs +\\| 10\\.76\\.1\\.0/24 +\\|"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("\\| connections +\\| RegionTwo: export 64512:\\d+, import 64512:\\d+ +\\|"));
    }

    @Test
    void aShowAsJsonAndYamlIsOneObjectKeyedByTheFieldNames() {
        JsonNode json = show("-f", "json").json();
        JsonNode yaml = show("-f", "yaml").yaml();

        assertThat(yaml).isEqualTo(json);
        assertThat(iterable(json.fieldNames())).containsExactly("global_id", "name", "type", "state", "project", "master",
                "resources", "local_cidrs", "connections", "data_plane", "pending_operations", "created_at", "updated_at");
        assertThat(json.get("data_plane").get("import_targets")).hasSize(1);
        assertThat(show("-f", "json", "-c", "name", "-c", "type").json())
                .isEqualTo(HttpJson.JSON.createObjectNode().put("name", "cli-formats").put("type", "L3"));
    }

    @Test
    void aShowAsValuesIsOneValuePerLine() {
        assertThat(show("-f", "value", "-c", "name", "-c", "state").out()).isEqualTo("cli-formats\nACTIVE\n");
        assertThat(show("-f", "value", "-c", "resources").out()).isEqualTo("RegionOne=" + one + " RegionTwo=" + two + "\n");
    }

    @Test
    void anEmptyListPrintsNothingAsATableAndAnEmptyListAsJson() {
        assertThat(sites.run(BOB, 0, "service", "list").expect(0).out()).isEmpty();
        assertThat(sites.run(BOB, 0, "service", "list", "-f", "json").expect(0).out().strip()).isEqualTo("[]");
        assertThat(sites.run(BOB, 0, "service", "list", "-f", "yaml").expect(0).out().strip()).isEqualTo("[]");
        assertThat(sites.run(BOB, 0, "service", "list", "-f", "value").expect(0).out()).isEmpty();
    }

    @Test
    void anUnknownColumnOrFormatIsAUsageError() {
        CliRun column = sites.run(ALICE, 0, "service", "show", id, "-c", "colour");
        CliRun format = sites.run(ALICE, 0, "service", "list", "-f", "xml");

        assertThat(column.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(column.err()).contains("unknown column colour", "global_id");
        assertThat(column.out()).isEmpty();
        assertThat(format.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("'xml' is not one of table, json, yaml, value");
    }

    private static JsonNode find(JsonNode items, String key, String value) {
        for (JsonNode item : items) {
            if (value.equals(item.path(key).asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + key + " " + value + " in " + items);
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    private static String[] concat(List<String> first, String... rest) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
