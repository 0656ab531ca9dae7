package org.diminet.server.cli;

import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The openstack client's {@code --os-*} options and DIMINET's {@code --diminet-url}, shared by every
 * client command. Each falls back to its {@code OS_*} variable, then to the cloud {@code --os-cloud}
 * (or {@code OS_CLOUD}) names in {@code clouds.yaml}. Listed last in {@code --help} ({@code order}),
 * after the command's own options, as the openstack client lists them apart.
 */
public final class ConnectionOptions {
    private final CliEnvironment environment;

    @Option(order = 61, names = "--os-cloud", paramLabel = "NAME", description = "cloud in clouds.yaml (env OS_CLOUD)")
    String cloud;

    @Option(order = 62, names = "--os-auth-url", paramLabel = "URL",
            description = "identity service (Keystone, or a site's embedded identity: http://SITE/v3) (env OS_AUTH_URL)")
    String authUrl;

    @Option(order = 63, names = "--os-username", paramLabel = "NAME", description = "user (env OS_USERNAME)")
    String username;

    @Option(order = 64, names = "--os-password", paramLabel = "PASSWORD", description = "password (env OS_PASSWORD)")
    String password;

    @Option(order = 65, names = "--os-project-name", paramLabel = "NAME", description = "project to scope the token to (env OS_PROJECT_NAME)")
    String projectName;

    @Option(order = 66, names = "--os-user-domain-name", paramLabel = "NAME", description = "user's domain, default Default (env OS_USER_DOMAIN_NAME)")
    String userDomainName;

    @Option(order = 67, names = "--os-project-domain-name", paramLabel = "NAME", description = "project's domain, default Default (env OS_PROJECT_DOMAIN_NAME)")
    String projectDomainName;

    @Option(order = 68, names = "--os-token", paramLabel = "TOKEN", description = "a token to use instead of logging in (env OS_TOKEN)")
    String token;

    @Option(order = 69, names = "--os-region-name", paramLabel = "REGION",
            description = "whose DIMINET to call when it is found in the catalog (env OS_REGION_NAME)")
    String regionName;

    @Option(order = 70, names = "--os-interface", paramLabel = "INTERFACE", description = "catalog interface, default public (env OS_INTERFACE)")
    String endpointInterface;

    @Option(order = 71, names = "--diminet-url", paramLabel = "URL",
            description = "the DIMINET site to call, e.g. http://127.0.0.1:7575 (env DIMINET_URL; default: from the catalog)")
    String diminetUrl;

    public ConnectionOptions(CliEnvironment environment) {
        this.environment = environment;
    }

    /** The settings in force: options, then environment variables, then the cloud's entries. */
    ConnectionSettings resolve() {
        Map<Setting, String> given = given();
        Map<Setting, String> resolved = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String value = given.get(setting);
            if (value == null || value.isBlank()) {
                value = environment.get(setting.variable()).orElse(null);
            }
            if (value != null && !value.isBlank()) {
                resolved.put(setting, value);
            }
        }
        String cloudName = resolved.get(Setting.CLOUD);
        if (cloudName != null) {
            CloudsYaml.settingsOf(cloudName, environment).forEach(resolved::putIfAbsent);
        }
        return new ConnectionSettings(resolved);
    }

    private Map<Setting, String> given() {
        Map<Setting, String> given = new EnumMap<>(Setting.class);
        putIfSet(given, Setting.CLOUD, cloud);
        putIfSet(given, Setting.AUTH_URL, authUrl);
        putIfSet(given, Setting.USERNAME, username);
        putIfSet(given, Setting.PASSWORD, password);
        putIfSet(given, Setting.PROJECT_NAME, projectName);
        putIfSet(given, Setting.USER_DOMAIN_NAME, userDomainName);
        putIfSet(given, Setting.PROJECT_DOMAIN_NAME, projectDomainName);
        putIfSet(given, Setting.TOKEN, token);
        putIfSet(given, Setting.REGION_NAME, regionName);
        putIfSet(given, Setting.INTERFACE, endpointInterface);
        putIfSet(given, Setting.DIMINET_URL, diminetUrl);
        return given;
    }

    private static void putIfSet(Map<Setting, String> map, Setting setting, String value) {
        if (value != null) {
            map.put(setting, value);
        }
    }
}
