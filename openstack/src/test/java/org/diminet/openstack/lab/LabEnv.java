package org.diminet.openstack.lab;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diminet.core.domain.Region;
import org.diminet.openstack.keystone.KeystoneCredentials;
import org.diminet.openstack.keystone.KeystoneOptions;
import org.diminet.openstack.keystone.KeystoneSession;

/**
 * The lab's settings, from the env file {@code lab/up} writes ({@code KEY=VALUE} lines). Its path comes from
 * the system property or environment variable {@value #PROPERTY}; without it every lab test fails, so an
 * active lab profile never passes by skipping.
 */
public final class LabEnv {
    public static final String PROPERTY = "DIMINET_LAB_ENV";
    private static volatile LabEnv loaded;

    private final Path file;
    private final Map<String, String> values;

    private LabEnv(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /** The lab's settings; fails the calling test when {@value #PROPERTY} is missing or unreadable. */
    public static LabEnv get() {
        LabEnv env = loaded;
        if (env == null) {
            synchronized (LabEnv.class) {
                if (loaded == null) {
                    loaded = load();
                }
                env = loaded;
            }
        }
        return env;
    }

    private static LabEnv load() {
        String path = System.getProperty(PROPERTY, System.getenv(PROPERTY));
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("the lab tests need -D" + PROPERTY + "=<lab/.state/env> (or the environment "
                    + "variable " + PROPERTY + "); start the lab with lab/up");
        }
        Path file = Path.of(path);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException(PROPERTY + "=" + path + " cannot be read: " + e, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), unquote(line.substring(eq + 1)));
            }
        }
        return new LabEnv(file, values);
    }

    public String value(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException(file + " has no " + key);
        }
        return value;
    }

    public KeystoneCredentials credentials() {
        return new KeystoneCredentials(URI.create(value("OS_AUTH_URL")), value("OS_USERNAME"), value("OS_PASSWORD"),
                value("OS_PROJECT_NAME"), KeystoneCredentials.Domain.byId(value("OS_USER_DOMAIN_ID")),
                KeystoneCredentials.Domain.byId(value("OS_PROJECT_DOMAIN_ID")));
    }

    public KeystoneSession newSession() {
        return new KeystoneSession(credentials(), KeystoneOptions.defaults());
    }

    public List<Region> regions() {
        return Arrays.stream(value("LAB_REGIONS").split("\\s+")).map(Region::of).toList();
    }

    public URI neutronUrl(Region region) {
        return URI.create(value("NEUTRON_URL_" + region));
    }

    public URI diminetUrl(Region region) {
        return URI.create(value("DIMINET_URL_" + region));
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
