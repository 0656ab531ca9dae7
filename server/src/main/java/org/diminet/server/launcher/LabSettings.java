package org.diminet.server.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sites beside the OpenStack lab, from the env file {@code lab/up} writes ({@code KEY=VALUE} lines). */
final class LabSettings {
    private LabSettings() {
    }

    static Map<String, String> read(Path envFile) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(envFile)) {
                String trimmed = line.strip();
                int equals = trimmed.indexOf('=');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 0) {
                    continue;
                }
                values.put(trimmed.substring(0, equals), trimmed.substring(equals + 1).replaceAll("^\"|\"$", ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lab's env file " + envFile, e);
        }
        return values;
    }

    /** One site per lab region, on the DIMINET port the lab registered in Keystone's catalog. */
    static List<DemoCommand.DemoSite> plan(Map<String, String> lab, Path root) {
        List<DemoCommand.DemoSite> sites = new ArrayList<>();
        String[] regions = lab.getOrDefault("LAB_REGIONS", "").trim().split("\\s+");
        for (int i = 0; i < regions.length; i++) {
            int port = URI.create(lab.get("DIMINET_URL_" + regions[i])).getPort();
            sites.add(new DemoCommand.DemoSite(i + 1, regions[i], port, root.resolve(regions[i])));
        }
        return sites;
    }

    static Map<String, Object> siteSettings(Map<String, String> lab, DemoCommand.DemoSite site) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("diminet.region", site.region());
        settings.put("server.port", site.port());
        settings.put("diminet.data-dir", site.dataDir().toString());
        settings.put("diminet.vim.kind", "neutron");
        settings.put("diminet.openstack.auth-url", lab.get("OS_AUTH_URL"));
        // Each site its own service user (lab/up makes diminet-<Region>, admin in project service), so a
        // peer's token says which region it is; an older lab without them: the admin speaks for every site.
        boolean ownUsers = lab.containsKey("DIMINET_PASSWORD");
        settings.put("diminet.openstack.username", ownUsers ? "diminet-" + site.region() : lab.get("OS_USERNAME"));
        settings.put("diminet.openstack.password", ownUsers ? lab.get("DIMINET_PASSWORD") : lab.get("OS_PASSWORD"));
        settings.put("diminet.openstack.project", ownUsers ? "service" : lab.get("OS_PROJECT_NAME"));
        for (String region : lab.getOrDefault("LAB_REGIONS", "").trim().split("\\s+")) {
            if (!region.isEmpty()) {
                settings.put("diminet.auth.peer-users." + region, ownUsers ? "diminet-" + region : lab.get("OS_USERNAME"));
            }
        }
        return settings;
    }
}
