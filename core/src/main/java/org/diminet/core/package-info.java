/**
 * The DIMINET logic core: plain Java, no framework.
 *
 * <p>Where to look:
 * <ul>
 *   <li>{@code domain} – the values a service is made of (global id, region, resources, CIDR, pools).</li>
 *   <li>{@code service} – the coordinator: North use cases at the master and the East-West handler at every site.</li>
 *   <li>{@code l2} – how an L2 extension is created, changed and deleted; the pool ledger.</li>
 *   <li>{@code l3} – how L3 routing is created, changed and deleted; the overlap check.</li>
 *   <li>{@code vim}, {@code dataplane}, {@code peer}, {@code store} – the ports adapters implement.</li>
 *   <li>{@code error} – the failures the core reports; adapters map them to HTTP problem details.</li>
 * </ul>
 */
package org.diminet.core;
