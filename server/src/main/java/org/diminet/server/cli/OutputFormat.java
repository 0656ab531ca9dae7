package org.diminet.server.cli;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine;

/** {@code -f table|json|yaml|value}, as the openstack client names them. */
enum OutputFormat {
    TABLE(new TableFormatter()),
    JSON(StructuredFormatter.json()),
    YAML(StructuredFormatter.yaml()),
    VALUE(new ValueFormatter());

    private final Formatter formatter;

    OutputFormat(Formatter formatter) {
        this.formatter = formatter;
    }

    Formatter formatter() {
        return formatter;
    }

    /** Reads the lower-case names the user types; anything else is a usage error naming the choices. */
    static final class Converter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return Arrays.stream(values()).filter(f -> f.name().toLowerCase(Locale.ROOT).equals(value)).findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException(
                            "'" + value + "' is not one of table, json, yaml, value"));
        }
    }
}
