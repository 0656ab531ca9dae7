package org.diminet.openstack.keystone;

import java.time.Instant;

/**
 * A token as Keystone issued it.
 *
 * @param issuedAt Keystone's {@code issued_at}, null when absent (the lifetime is then measured from now)
 */
record IssuedToken(String value, Instant issuedAt, Instant expiresAt, ServiceCatalog catalog) {
}
