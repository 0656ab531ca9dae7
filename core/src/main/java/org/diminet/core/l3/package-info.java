/**
 * L3 routing between existing networks of several sites (paper IV-D): every site's subnets must be
 * disjoint from every other site's. Start at {@link org.diminet.core.l3.L3RoutingStrategy}.
 */
package org.diminet.core.l3;
