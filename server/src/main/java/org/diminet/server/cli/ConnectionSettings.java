package org.diminet.server.cli;

import java.util.Map;
import java.util.Optional;

/** The connection settings once the command line, the environment and {@code clouds.yaml} were read. */
record ConnectionSettings(Map<Setting, String> values) {

    ConnectionSettings {
        values = Map.copyOf(values);
    }

    Optional<String> get(Setting setting) {
        return Optional.ofNullable(values.get(setting)).or(setting::defaultValue);
    }

    /** @throws UsageError naming the option and variable that would give it, and why it is needed */
    String require(Setting setting, String neededFor) {
        return get(setting).orElseThrow(() -> new UsageError("missing " + setting.howToGive() + ", needed " + neededFor));
    }
}
