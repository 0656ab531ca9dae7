/** Reads the prototype's {@code services.conf} into {@link org.diminet.openstack.config.OpenStackSettings}. */
package org.diminet.openstack.config;
