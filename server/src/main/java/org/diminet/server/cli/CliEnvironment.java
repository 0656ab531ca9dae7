package org.diminet.server.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the client reads from the world besides its arguments: environment variables ({@code OS_*},
 * {@code DIMINET_URL}, {@code HOME}) and the working directory (for {@code ./clouds.yaml}). Commands
 * read only this, never {@link System#getenv}, so tests run them with the environment they choose.
 */
public record CliEnvironment(Map<String, String> variables, Path workingDirectory) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** The process's own environment and working directory. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of("").toAbsolutePath());
    }

    /** A variable, absent when unset or blank (as the openstack client treats an empty OS_* variable). */
    public Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    /** The user's home ({@code HOME}), where {@code ~/.config/openstack/clouds.yaml} lives. */
    public Optional<Path> home() {
        return get("HOME").map(Path::of);
    }
}
