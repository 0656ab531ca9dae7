/**
 * A Keystone v3 password session: one cached, self-renewing token and the service catalog that came with
 * it ({@code network} endpoints per region and DIMINET's own {@code intersite} endpoints); and the check
 * of other parties' tokens ({@link org.diminet.openstack.keystone.TokenValidationApi}).
 */
package org.diminet.openstack.keystone;
