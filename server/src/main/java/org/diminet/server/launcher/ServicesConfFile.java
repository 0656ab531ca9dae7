package org.diminet.server.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.diminet.openstack.config.OpenStackSettings;
import org.diminet.openstack.config.ServicesConf;
import org.diminet.openstack.keystone.KeystoneCredentials;

/**
 * The Python prototype's {@code services.conf} ({@code [DEFAULT] host, region_name, username, password,
 * project, auth_url}) as DIMINET properties: a site beside OpenStack, listening on {@code host}.
 */
final class ServicesConfFile {
    private ServicesConfFile() {
    }

    /** An INI file: its first meaningful line is a section header. */
    static boolean isIni(Path file) {
        try {
            // A leading byte-order mark counts as nothing here: the reader then refuses it with a clear message.
            return Files.readAllLines(file).stream().map(line -> line.replace("\uFEFF", "").strip())
                    .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith(";"))
                    .findFirst().map(line -> line.startsWith("[")).orElse(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> toProperties(Path file) {
        OpenStackSettings conf = ServicesConf.read(file);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("diminet.region", conf.region().name());
        properties.put("server.address", conf.host());
        properties.put("server.port", conf.diminetPort());
        properties.put("diminet.data-dir", "./data/" + conf.region().name());
        properties.put("diminet.vim.kind", "neutron");
        properties.put("diminet.openstack.auth-url", conf.authUrl());
        properties.put("diminet.openstack.username", conf.username());
        properties.put("diminet.openstack.password", conf.password());
        properties.put("diminet.openstack.project", conf.project());
        domain(properties, "user", conf.userDomain());
        domain(properties, "project", conf.projectDomain());
        properties.put("diminet.openstack.endpoint-interface", conf.endpointInterface());
        properties.put("diminet.openstack.diminet-port", conf.diminetPort());
        return properties;
    }

    private static void domain(Map<String, Object> properties, String whose, KeystoneCredentials.Domain domain) {
        if (domain.id() != null) {
            properties.put("diminet.openstack." + whose + "-domain-id", domain.id());
        } else {
            properties.put("diminet.openstack." + whose + "-domain-name", domain.name());
        }
    }
}
