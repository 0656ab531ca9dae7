package org.diminet.server.cli;

import java.util.List;
import java.util.Optional;

/**
 * One connection setting and the three places it may come from, strongest first: its command-line
 * option, its environment variable, and its key in the chosen {@code clouds.yaml} cloud; the
 * openstack client's names and order, so existing {@code openrc} files and clouds work unchanged.
 */
enum Setting {
    CLOUD("--os-cloud", "OS_CLOUD", List.of(), null),
    AUTH_URL("--os-auth-url", "OS_AUTH_URL", List.of("auth", "auth_url"), null),
    USERNAME("--os-username", "OS_USERNAME", List.of("auth", "username"), null),
    PASSWORD("--os-password", "OS_PASSWORD", List.of("auth", "password"), null),
    PROJECT_NAME("--os-project-name", "OS_PROJECT_NAME", List.of("auth", "project_name"), null),
    USER_DOMAIN_NAME("--os-user-domain-name", "OS_USER_DOMAIN_NAME", List.of("auth", "user_domain_name"), "Default"),
    PROJECT_DOMAIN_NAME("--os-project-domain-name", "OS_PROJECT_DOMAIN_NAME", List.of("auth", "project_domain_name"), "Default"),
    TOKEN("--os-token", "OS_TOKEN", List.of("auth", "token"), null),
    REGION_NAME("--os-region-name", "OS_REGION_NAME", List.of("region_name"), null),
    INTERFACE("--os-interface", "OS_INTERFACE", List.of("interface"), "public"),
    DIMINET_URL("--diminet-url", "DIMINET_URL", List.of("diminet_url"), null);

    private final String option;
    private final String variable;
    private final List<String> cloudsYamlPath;
    private final String defaultValue;

    Setting(String option, String variable, List<String> cloudsYamlPath, String defaultValue) {
        this.option = option;
        this.variable = variable;
        this.cloudsYamlPath = cloudsYamlPath;
        this.defaultValue = defaultValue;
    }

    String option() {
        return option;
    }

    String variable() {
        return variable;
    }

    /** Where the setting sits in a cloud of {@code clouds.yaml}; empty when it cannot be there. */
    List<String> cloudsYamlPath() {
        return cloudsYamlPath;
    }

    Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** How to tell the user where to give it: "--os-auth-url (or OS_AUTH_URL)". */
    String howToGive() {
        return option + " (or " + variable + ")";
    }
}
