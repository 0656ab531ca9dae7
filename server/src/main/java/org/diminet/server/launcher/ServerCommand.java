package org.diminet.server.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diminet.openstack.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs one site from configuration; command-line options override the file. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run one DIMINET site. Settings come from --config (a .properties or .yaml file, or the"
                + " prototype's services.conf INI file), then these options.")
final class ServerCommand implements Callable<Integer> {

    @Option(names = "--config", description = "configuration file (properties or YAML), e.g. site.properties")
    Path config;

    @Option(names = "--region", description = "this site's region name (diminet.region)")
    String region;

    @Option(names = "--port", description = "HTTP port (server.port)")
    Integer port;

    @Option(names = "--address", description = "address to listen on (server.address, default 127.0.0.1)")
    String address;

    @Option(names = "--data-dir", description = "where the embedded database and VIM keep their files")
    Path dataDir;

    @Option(names = "--peer", description = "another site, as Region=URL; repeat for each", mapFallbackValue = "")
    Map<String, String> peers = new LinkedHashMap<>();

    @Option(names = "--database-url", description = "JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/test")
    String databaseUrl;

    @Option(names = "--exit-when-stdin-closes", hidden = true,
            description = "for a harness that starts this site as its child process (the benchmark): halt when"
                    + " stdin reaches end-of-file, i.e. when the harness is gone")
    boolean exitWhenStdinCloses;

    @Override
    public Integer call() {
        if (exitWhenStdinCloses) {
            StdinGuard.start(System.in);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        if (config != null) {
            if (!Files.isReadable(config)) {
                System.err.println("diminet: cannot read --config " + config.toAbsolutePath());
                return 2;
            }
            if (ServicesConfFile.isIni(config)) {
                try {
                    properties.putAll(ServicesConfFile.toProperties(config));
                } catch (ConfigException e) {
                    System.err.println("diminet: " + e.getMessage());
                    return 2;
                }
            } else {
                properties.put("spring.config.additional-location", "optional:file:" + config.toAbsolutePath());
            }
        }
        putIfSet(properties, "diminet.region", region);
        putIfSet(properties, "server.port", port);
        putIfSet(properties, "server.address", address);
        putIfSet(properties, "diminet.data-dir", dataDir == null ? null : dataDir.toAbsolutePath().toString());
        putIfSet(properties, "spring.datasource.url", databaseUrl);
        peers.forEach((peerRegion, url) -> properties.put("diminet.peers." + peerRegion, url));
        SiteLauncher.start(properties);
        return 0;
    }

    private static void putIfSet(Map<String, Object> properties, String key, Object value) {
        if (value != null) {
            properties.put(key, value);
        }
    }
}
