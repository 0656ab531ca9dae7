/**
 * The JDBC adapter of the core's {@link org.diminet.core.store.ServiceStore} port: a site's services,
 * network claims and abandoned operations in H2 (a file in the site's data directory) or PostgreSQL.
 *
 * <p>{@link org.diminet.server.persistence.Databases} opens a pooled data source and migrates it with
 * Flyway (scripts in {@code db/migration}); {@link org.diminet.server.persistence.JdbcServiceStore}
 * implements the port over it, one transaction per method. Structured parts of a service (resources,
 * params, connections, attachment) are stored as JSON text written by
 * {@link org.diminet.server.json.DomainJson}.
 */
package org.diminet.server.persistence;
