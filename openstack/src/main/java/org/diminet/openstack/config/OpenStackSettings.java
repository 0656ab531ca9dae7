package org.diminet.openstack.config;

import java.net.URI;
import java.util.Objects;
import org.diminet.core.domain.Region;
import org.diminet.openstack.keystone.KeystoneCredentials;
import org.diminet.openstack.keystone.KeystoneOptions;

/**
 * A site's OpenStack settings, as {@code services.conf} gives them ({@link ServicesConf}).
 *
 * @param host              the address of the host where DIMINET and the local Neutron run ({@code host})
 * @param region            the local region ({@code region_name})
 * @param username          Keystone user ({@code username})
 * @param password          its password ({@code password}); never shown by {@link #toString()}
 * @param project           project the token is scoped to ({@code project})
 * @param authUrl           Keystone's v3 URL ({@code auth_url} or {@code auth url})
 * @param userDomain        the user's domain ({@code user_domain_id} / {@code user_domain_name}; default id
 *                          {@code default})
 * @param projectDomain     the project's domain ({@code project_domain_id} / {@code project_domain_name};
 *                          default id {@code default})
 * @param endpointInterface catalog interface ({@code interface}: public, internal or admin; default public)
 * @param diminetPort       the port of peers' DIMINET when the catalog has no intersite endpoint for them
 *                          ({@code diminet_port}; default 7575)
 */
public record OpenStackSettings(String host, Region region, String username, String password, String project,
                                URI authUrl, KeystoneCredentials.Domain userDomain,
                                KeystoneCredentials.Domain projectDomain, String endpointInterface, int diminetPort) {

    public OpenStackSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(userDomain, "userDomain");
        Objects.requireNonNull(projectDomain, "projectDomain");
        Objects.requireNonNull(endpointInterface, "endpointInterface");
    }

    /** The Keystone credentials these settings describe. */
    public KeystoneCredentials credentials() {
        return new KeystoneCredentials(authUrl, username, password, project, userDomain, projectDomain);
    }

    /** The session options: the defaults, with this file's interface and DIMINET port. */
    public KeystoneOptions sessionOptions() {
        return KeystoneOptions.defaults().withEndpointInterface(endpointInterface).withDiminetPort(diminetPort);
    }

    @Override
    public String toString() {
        return "OpenStackSettings[host=" + host + ", region=" + region + ", username=" + username + ", password=***"
                + ", project=" + project + ", authUrl=" + authUrl + ", userDomain=" + userDomain + ", projectDomain="
                + projectDomain + ", endpointInterface=" + endpointInterface + ", diminetPort=" + diminetPort + "]";
    }
}
