package org.diminet.openstack.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
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
import org.ini4j.Config;
import org.ini4j.Ini;
import org.ini4j.InvalidFileFormatException;
import org.ini4j.Profile;

/**
 * Reads the Python prototype's {@code services.conf}: one {@code [DEFAULT]} section of {@code key = value}
 * lines ({@code key: value} works too), {@code #} and {@code ;} comment lines.
 *
 * <pre>
 * [DEFAULT]
 * host = 10.0.0.1                      # required
 * region_name = RegionOne              # required
 * username = admin                     # required
 * password = secret                    # required
 * project = admin                      # required
 * auth_url = http://10.0.0.1/identity/v3   # required; "auth url" (with a space) is accepted too
 * user_domain_id = default             # optional; or user_domain_name; default: id "default"
 * project_domain_id = default          # optional; or project_domain_name; default: id "default"
 * interface = public                   # optional: public (default), internal or admin
 * diminet_port = 7575                  # optional: peers' DIMINET port when the catalog has no intersite endpoint
 * </pre>
 *
 * As with Python's configparser, which the prototype used: keys are case-insensitive, values are taken
 * as written (no quotes removed, no escapes, no interpolation) after trimming, and a key given twice is an
 * error. Unlike it, unknown keys and other sections are errors too, naming the key or section, so that a
 * typo is not silently ignored. Keys may use spaces for underscores ({@code region name}).
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
        Map<String, Entry> entries = entries(load(text, source), source);
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
        return new OpenStackSettings(entries.get("host").value(), region, entries.get("username").value(),
                entries.get("password").value(), entries.get("project").value(), authUrl(source, entries.get("auth_url")),
                domain(source, entries, "user_domain"), domain(source, entries, "project_domain"),
                endpointInterface(source, entries.get("interface")), port(source, entries.get("diminet_port")));
    }

    private static Ini load(String text, String source) {
        Config config = new Config();
        config.setEscape(false);
        config.setEscapeNewline(false);
        config.setLowerCaseOption(false);
        config.setMultiOption(true);
        config.setMultiSection(true);
        config.setEmptyOption(true);
        config.setInclude(false);
        config.setGlobalSection(false);
        Ini ini = new Ini();
        ini.setConfig(config);
        try (Reader reader = new StringReader(text)) {
            ini.load(reader);
        } catch (InvalidFileFormatException e) {
            throw new ConfigException(null, source + " is not an INI file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(null, "cannot read " + source + ": " + e, e);
        }
        return ini;
    }

    /** Every key of [DEFAULT], normalised (lower case, spaces as underscores), checked for unknown and duplicate keys. */
    private static Map<String, Entry> entries(Ini ini, String source) {
        for (String name : ini.keySet()) {
            if (!name.equals(SECTION) || ini.length(name) > 1) {
                throw new ConfigException(null, source + ": " + (name.equals(SECTION) ? "section [" + name + "] appears twice"
                        : "unknown section [" + name + "]; every setting belongs in [" + SECTION + "]"));
            }
        }
        Profile.Section section = ini.get(SECTION);
        if (section == null) {
            throw new ConfigException(null, source + " has no [" + SECTION + "] section");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String written : section.keySet()) {
            String key = written.strip().replaceAll("\\s+", "_").toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(key) && !OPTIONAL.contains(key)) {
                throw new ConfigException(written, source + ": unknown key '" + written + "' in [" + SECTION + "]; known keys: "
                        + REQUIRED + " and optional " + OPTIONAL.stream().sorted().toList());
            }
            if (section.length(written) > 1 || entries.containsKey(key)) {
                throw new ConfigException(written, source + ": key '" + written + "' is given more than once");
            }
            String value = section.get(written);
            value = value == null ? "" : value.strip();
            if (value.isEmpty()) {
                throw new ConfigException(written, source + ": key '" + written + "' has no value");
            }
            entries.put(key, new Entry(written, value));
        }
        return entries;
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
        return new ConfigException(entry.written(), source + ": key '" + entry.written() + "': " + why);
    }

    private record Entry(String written, String value) {
    }
}
