package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cloud of {@code clouds.yaml}, found where the openstack client looks: {@code OS_CLIENT_CONFIG_FILE},
 * {@code ./clouds.yaml}, {@code ~/.config/openstack/clouds.yaml}, {@code /etc/openstack/clouds.yaml}
 * (the first that names the cloud). Only the keys {@link Setting} knows are read.
 */
final class CloudsYaml {
    private static final YAMLMapper YAML = new YAMLMapper();

    private CloudsYaml() {
    }

    /** The settings of {@code cloud}. @throws UsageError when no file names it */
    static Map<Setting, String> settingsOf(String cloud, CliEnvironment environment) {
        List<Path> searched = candidates(environment);
        for (Path file : searched) {
            Optional<JsonNode> entry = read(file).map(root -> root.path("clouds").get(cloud));
            if (entry.isPresent() && entry.get().isObject()) {
                return settingsIn(entry.get());
            }
        }
        throw new UsageError("no cloud '" + cloud + "' in " + (searched.isEmpty() ? "any clouds.yaml" : searched));
    }

    private static List<Path> candidates(CliEnvironment environment) {
        List<Path> files = new ArrayList<>();
        environment.get("OS_CLIENT_CONFIG_FILE").map(Path::of).map(environment.workingDirectory()::resolve).ifPresent(files::add);
        files.add(environment.workingDirectory().resolve("clouds.yaml"));
        environment.home().ifPresent(home -> files.add(home.resolve(".config/openstack/clouds.yaml")));
        files.add(Path.of("/etc/openstack/clouds.yaml"));
        return files.stream().filter(Files::isRegularFile).toList();
    }

    private static Optional<JsonNode> read(Path file) {
        try {
            return Optional.ofNullable(YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UsageError("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Map<Setting, String> settingsIn(JsonNode cloud) {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            if (setting.cloudsYamlPath().isEmpty()) {
                continue;
            }
            JsonNode node = cloud;
            for (String key : setting.cloudsYamlPath()) {
                node = node.path(key);
            }
            if (node.isValueNode() && !node.asText().isBlank()) {
                settings.put(setting, node.asText());
            }
        }
        return settings;
    }
}
