/**
 * Operations as data. Every multi-site change (create, update, delete of a service, a site's request
 * for one more pool) is an {@link org.diminet.core.operation.Operation} stored in the site's database in
 * the same transaction as the service row it changes: what it is for, its steps (site, action,
 * status, attempts, last error, reply) and its outcome. Strategies plan the steps; the coordinator's
 * executor runs them and a reconciler re-drives whatever a crash or a partition left open.
 *
 * <p>This package holds the records and the ports the journal needs ({@link
 * org.diminet.core.operation.OperationStore}, {@link org.diminet.core.operation.Transactions}, {@link
 * org.diminet.core.operation.SiteLocks}); it knows nothing of the coordinator that drives them.
 */
package org.diminet.core.operation;
