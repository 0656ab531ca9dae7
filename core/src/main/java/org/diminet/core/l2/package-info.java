/**
 * L2 extension of one site's network to other sites (paper IV-E): the same CIDR everywhere, its
 * addresses split into disjoint allocation pools by the master, which keeps the rest in its
 * {@link org.diminet.core.domain.PoolLedger}. Start at {@link org.diminet.core.l2.L2ExtensionStrategy}.
 */
package org.diminet.core.l2;
