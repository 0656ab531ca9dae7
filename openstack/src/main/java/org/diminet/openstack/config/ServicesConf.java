package org.diminet.openstack.config;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.InvalidRequestException;
import org.diminet.openstack.keystone.KeystoneCredentials;
import org.diminet.openstack.keystone.KeystoneOptions;

/**
 * Reads the Python prototype's {@code services.conf}: one {@code [DEFAULT]} section of {@code key = value}
 * lines ({@code key: value} works too), {@code #} and {@code ;} comment lines.
 *
 * <pre>
 * [DEFAULT]
 * # required: host, region_name, username, password, project, auth_url ("auth url" is accepted too)
 * host = 10.0.0.1
 * region_name = RegionOne
 * username = admin
 * password = secret
 * project = admin
 * auth_url = http://10.0.0.1/identity/v3
 * # optional: user_domain_id or user_domain_name, project_domain_id or project_domain_name (default: id
 * # "default"), interface (public, the default, internal or admin), diminet_port (peers' DIMINET port when
 * # the catalog has no intersite endpoint; default 7575)
 * user_domain_id = default
 * project_domain_id = default
 * interface = public
 * diminet_port = 7575
 * </pre>
 *
 * The file is read as Python's configparser, which the prototype used, reads it with {@code interpolation=None}
 * ({@link IniFile}): keys are case-insensitive, values are taken as written (no quotes removed, no escapes, no
 * {@code %} interpolation) after trimming, a {@code #} or {@code ;} after a value is part of it (comments go on
 * their own lines), and a key given twice is an error. Unlike it, unknown keys and other sections are errors too,
 * naming the key or section, so that a typo is not silently ignored, and so is a value continued on indented
 * lines, which no key here takes. Keys may use spaces for underscores ({@code region name}).
 */
public final class ServicesConf {
    private static final String SECTION = "DEFAULT";
    private static final List<String> REQUIRED = List.of("host", "region_name", "username", "password", "project", "auth_url");
    private static final Set<String> OPTIONAL = Set.of("user_domain_id", "user_domain_name", "project_domain_id",
            "project_domain_name", "interface", "diminet_port");

    private ServicesConf() {
    }

    /** Reads a file (UTF-8). */
    public static OpenStackSettings read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(null, "cannot read " + file + ": " + e, e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses the text of a {@code services.conf}.
     *
     * @param source how to name the text in messages (usually its path)
     * @throws ConfigException naming {@code source} and the offending key
     */
    public static OpenStackSettings parse(String text, String source) {
        Map<String, Entry> entries = entries(text, source);
        for (String key : REQUIRED) {
            if (!entries.containsKey(key)) {
                throw new ConfigException(key, source + ": required key '" + key + "' is missing from [" + SECTION + "]"
                        + (key.equals("auth_url") ? " (write auth_url or 'auth url')" : ""));
            }
        }
        Region region;
        try {
            region = Region.of(entries.get("region_name").value());
        } catch (InvalidRequestException e) {
            throw invalid(source, entries.get("region_name"), e.getMessage());
        }
        return new OpenStackSettings(host(source, entries.get("host")), region, entries.get("username").value(),
                entries.get("password").value(), entries.get("project").value(), authUrl(source, entries.get("auth_url")),
                domain(source, entries, "user_domain"), domain(source, entries, "project_domain"),
                endpointInterface(source, entries.get("interface")), port(source, entries.get("diminet_port")));
    }

    /** Every key of [DEFAULT], normalised (lower case, spaces as underscores), checked for unknown and duplicate keys. */
    private static Map<String, Entry> entries(String text, String source) {
        List<IniFile.Option> options;
        try {
            options = IniFile.parse(text);
        } catch (IniFile.Refused e) {
            throw new ConfigException(e.key(), (e.line() > 0 ? at(source, e.line()) : source) + ": " + e.getMessage(), e);
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (IniFile.Option option : options) {
            String written = option.key();
            String key = written.replaceAll("\\s+", "_").toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(key) && !OPTIONAL.contains(key)) {
                throw new ConfigException(written, source + ": unknown key '" + written + "' in [" + SECTION + "]; known keys: "
                        + REQUIRED + " and optional " + OPTIONAL.stream().sorted().toList());
            }
            if (entries.containsKey(key)) {
                throw new ConfigException(written, at(source, option.line()) + ": key '" + written
                        + "' is given more than once (first on line " + entries.get(key).line() + ")");
            }
            if (option.value().isEmpty()) {
                throw new ConfigException(written, source + ": key '" + written + "' has no value");
            }
            if (option.value().contains("\n")) {
                throw new ConfigException(written, at(source, option.line()) + ": key '" + written + "' continues on the"
                        + " indented lines below it; a value must fit on its line (an indented line continues the value"
                        + " above it, as in configparser)");
            }
            entries.put(key, new Entry(written, option.value(), option.line()));
        }
        return entries;
    }

    private static String host(String source, Entry entry) {
        if (entry.value().codePoints().anyMatch(Character::isWhitespace)) {
            throw invalid(source, entry, "'" + entry.value() + "' is not a host name or address");
        }
        return entry.value();
    }

    private static URI authUrl(String source, Entry entry) {
        try {
            URI uri = URI.create(entry.value());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw invalid(source, entry, "'" + entry.value() + "' is not an http(s) URL such as http://10.0.0.1/identity/v3");
    }

    private static KeystoneCredentials.Domain domain(String source, Map<String, Entry> entries, String prefix) {
        Entry id = entries.get(prefix + "_id");
        Entry name = entries.get(prefix + "_name");
        if (id != null && name != null) {
            throw new ConfigException(name.written(), source + ": give either '" + id.written() + "' or '" + name.written()
                    + "', not both");
        }
        if (id != null) {
            return KeystoneCredentials.Domain.byId(id.value());
        }
        return name != null ? KeystoneCredentials.Domain.byName(name.value()) : KeystoneCredentials.Domain.DEFAULT;
    }

    private static String endpointInterface(String source, Entry entry) {
        if (entry == null) {
            return "public";
        }
        String value = entry.value().toLowerCase(Locale.ROOT);
        if (!KeystoneOptions.INTERFACES.contains(value)) {
            throw invalid(source, entry, "'" + entry.value() + "' is not one of public, internal, admin");
        }
        return value;
    }

    private static int port(String source, Entry entry) {
        if (entry == null) {
            return KeystoneOptions.DEFAULT_DIMINET_PORT;
        }
        try {
            int port = Integer.parseInt(entry.value());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(source, entry, "'" + entry.value() + "' is not a port number (1-65535)");
    }

    private static ConfigException invalid(String source, Entry entry, String why) {
        boolean comment = entry.value().matches("(?s).*\\s[#;].*");
        return new ConfigException(entry.written(), source + ": key '" + entry.written() + "': " + why + (comment
                ? " (a '#' or ';' after a value is part of it, as in configparser: put comments on their own line)" : ""));
    }

    private static String at(String source, int line) {
        return source + ", line " + line;
    }

    private record Entry(String written, String value, int line) {
    }
}
